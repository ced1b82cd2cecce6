package dev.callcodes.watch.state;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * State in this JVM, for tests and the demo. By default every commit goes through {@link CheckpointCodec} as the
 * shared store will, so what works here survives serialization; {@link #objects()} keeps the records themselves
 * (long simulations).
 */
public final class InMemoryWatchState implements WatchState {

    private final boolean serialize;
    private byte[] stored;
    private Checkpoint storedObject;
    private long version;
    private final Map<String, Instant> mutes = new HashMap<>();

    private InMemoryWatchState(boolean serialize) {
        this.serialize = serialize;
    }

    public InMemoryWatchState() {
        this(true);
    }

    public static InMemoryWatchState objects() {
        return new InMemoryWatchState(false);
    }

    @Override
    public synchronized Versioned load() {
        if (version == 0) {
            return new Versioned(Checkpoint.EMPTY, null);
        }
        return new Versioned(serialize ? CheckpointCodec.read(stored) : storedObject, Long.toString(version));
    }

    @Override
    public synchronized Optional<String> commit(Checkpoint next, String expectedVersion) {
        String current = version == 0 ? null : Long.toString(version);
        if (!java.util.Objects.equals(current, expectedVersion)) {
            return Optional.empty();
        }
        if (serialize) {
            stored = CheckpointCodec.write(next);
        } else {
            storedObject = next;
        }
        version++;
        return Optional.of(Long.toString(version));
    }

    /** Bytes of the stored checkpoint (serializing state only), for size checks. */
    public synchronized int storedBytes() {
        return stored == null ? 0 : stored.length;
    }

    @Override
    public synchronized void mute(String incidentId, Instant until) {
        mutes.put(incidentId, until);
    }

    @Override
    public synchronized Map<String, Instant> mutes() {
        return Map.copyOf(mutes);
    }
}
