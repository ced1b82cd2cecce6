package dev.callcodes.store.memory;

import dev.callcodes.store.ConflictException;
import dev.callcodes.store.Document;
import dev.callcodes.store.DocumentStore;
import dev.callcodes.store.Entry;
import dev.callcodes.store.Expiry;
import dev.callcodes.store.Keys;
import dev.callcodes.store.NotFoundException;
import dev.callcodes.store.Page;
import dev.callcodes.store.Version;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Documents on this process's heap, gone when it stops. For state that only this process needs and that is cheaper
 * lost than written: the embedded store is one process's anyway (its folder is locked), and writing every answered
 * activity's marker there cost each chat message four forced writes to disk.
 */
public final class MemoryDocumentStore implements DocumentStore {

    private record Stored(byte[] content, Version version, Expiry expiry) {
    }

    /**
     * Every this many writes, the expired documents go: nothing else would remove a marker nobody writes again, and
     * the heap would keep every one.
     */
    static final int SWEEP_EVERY_WRITES = 1024;

    private final NavigableMap<String, Stored> documents = new ConcurrentSkipListMap<>();
    private final AtomicLong versions = new AtomicLong();
    private final Clock clock;
    private final String purpose;

    /** @param purpose what the documents are, for {@link #describe} */
    public MemoryDocumentStore(Clock clock, String purpose) {
        this.clock = clock;
        this.purpose = purpose;
    }

    @Override
    public Optional<Document> read(String key) {
        Keys.check(key);
        Stored stored = live(key);
        return stored == null ? Optional.empty()
                : Optional.of(new Document(key, stored.content().clone(), stored.version(), stored.expiry()));
    }

    @Override
    public Version create(String key, byte[] content, Expiry expiry) {
        Keys.check(key);
        Stored fresh = stored(content, expiry);
        Stored[] conflict = new Stored[1];
        documents.compute(key, (k, now) -> {
            if (now != null && !expired(now)) {
                conflict[0] = now;
                return now;
            }
            return fresh;
        });
        if (conflict[0] != null) {
            throw new ConflictException(key, ConflictException.Reason.ALREADY_EXISTS);
        }
        return fresh.version();
    }

    @Override
    public Version replace(String key, byte[] content, Version expected, Expiry expiry) {
        Keys.check(key);
        Stored fresh = stored(content, expiry);
        swapIfVersion(key, expected, fresh);
        return fresh.version();
    }

    @Override
    public Version put(String key, byte[] content, Expiry expiry) {
        Keys.check(key);
        Stored fresh = stored(content, expiry);
        documents.put(key, fresh);
        return fresh.version();
    }

    @Override
    public void delete(String key, Version expected) {
        Keys.check(key);
        swapIfVersion(key, expected, null);
    }

    @Override
    public boolean delete(String key) {
        Keys.check(key);
        Stored removed = documents.remove(key);
        return removed != null && !expired(removed);
    }

    @Override
    public Page list(String prefix, String continuation, int pageSize) {
        Keys.checkPrefix(prefix);
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("pageSize must be 1 to " + MAX_PAGE_SIZE + ", was " + pageSize);
        }
        NavigableMap<String, Stored> from = continuation == null ? documents.tailMap(prefix, true)
                : documents.tailMap(continuation, false);
        List<Entry> entries = new ArrayList<>();
        for (Map.Entry<String, Stored> document : from.entrySet()) {
            if (!document.getKey().startsWith(prefix)) {
                break;
            }
            if (expired(document.getValue())) {
                continue;
            }
            if (entries.size() == pageSize) {
                return new Page(entries, entries.get(entries.size() - 1).key());
            }
            entries.add(new Entry(document.getKey(), document.getValue().version(), document.getValue().expiry()));
        }
        return new Page(entries, null);
    }

    @Override
    public int sweepExpired(String prefix) {
        Keys.checkPrefix(prefix);
        int removed = 0;
        for (Map.Entry<String, Stored> document : documents.tailMap(prefix, true).entrySet()) {
            if (!document.getKey().startsWith(prefix)) {
                break;
            }
            if (expired(document.getValue()) && documents.remove(document.getKey(), document.getValue())) {
                removed++;
            }
        }
        return removed;
    }

    @Override
    public String describe() {
        return "memory of this process (" + purpose + ")";
    }

    @Override
    public void close() {
        documents.clear();
    }

    /** Puts {@code next} (null: nothing) in place of the live document if it has version {@code expected}. */
    private void swapIfVersion(String key, Version expected, Stored next) {
        RuntimeException[] refused = new RuntimeException[1];
        documents.compute(key, (k, now) -> {
            if (now == null || expired(now)) {
                refused[0] = new NotFoundException(key);
                return now;
            }
            if (!now.version().equals(expected)) {
                refused[0] = new ConflictException(key, ConflictException.Reason.VERSION_CHANGED);
                return now;
            }
            return next;
        });
        if (refused[0] != null) {
            throw refused[0];
        }
    }

    private Stored stored(byte[] content, Expiry expiry) {
        long version = versions.incrementAndGet();
        if (version % SWEEP_EVERY_WRITES == 0) {
            sweepExpired("");
        }
        return new Stored(content.clone(), new Version(Long.toString(version)), expiry);
    }

    private Stored live(String key) {
        Stored stored = documents.get(key);
        return stored == null || expired(stored) ? null : stored;
    }

    private boolean expired(Stored stored) {
        return stored.expiry().passed(clock.instant());
    }
}
