package dev.callcodes.bot.watch;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.callcodes.store.ConflictException;
import dev.callcodes.store.ConflictRetry;
import dev.callcodes.store.Document;
import dev.callcodes.store.DocumentStore;
import dev.callcodes.store.Expiry;
import dev.callcodes.store.JsonDocuments;
import dev.callcodes.store.NotFoundException;
import dev.callcodes.store.Version;
import dev.callcodes.watch.state.Checkpoint;
import dev.callcodes.watch.state.CheckpointCodec;
import dev.callcodes.watch.state.WatchState;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The watch's state in the app's store: the checkpoint is one document ({@code watch/checkpoint}) written only if it
 * still has the version the poll started from, so an instance that lost the lease cannot overwrite its successor;
 * mutes are a second document ({@code watch/mutes}) any instance updates with the store's conflict retry.
 */
final class StoredWatchState implements WatchState {

    static final String CHECKPOINT = "watch/checkpoint";
    static final String MUTES = "watch/mutes";

    private final DocumentStore store;
    private final JsonDocuments<Map<String, Instant>> mutes;
    private final Clock clock;

    StoredWatchState(DocumentStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
        this.mutes = new JsonDocuments<>(store, JsonDocuments.MAPPER.getTypeFactory()
                .constructType(new TypeReference<Map<String, Instant>>() { }), ConflictRetry.DEFAULT);
    }

    @Override
    public Versioned load() {
        Optional<Document> document = store.read(CHECKPOINT);
        return document.map(d -> new Versioned(CheckpointCodec.read(d.content()), d.version().tag()))
                .orElseGet(() -> new Versioned(Checkpoint.EMPTY, null));
    }

    @Override
    public Optional<String> commit(Checkpoint next, String expectedVersion) {
        byte[] content = CheckpointCodec.write(next);
        try {
            Version written = expectedVersion == null
                    ? store.create(CHECKPOINT, content)
                    : store.replace(CHECKPOINT, content, new Version(expectedVersion));
            return Optional.of(written.tag());
        } catch (ConflictException | NotFoundException anotherWriterCameFirst) {
            return Optional.empty();
        }
    }

    @Override
    public void mute(String incidentId, Instant until) {
        Instant now = clock.instant();
        mutes.update(MUTES, HashMap::new, current -> {
            Map<String, Instant> next = new HashMap<>();
            // Mutes that ran out are dropped here, so the document stays as small as the incidents muted now.
            current.forEach((id, end) -> {
                if (end.isAfter(now)) {
                    next.put(id, end);
                }
            });
            next.put(incidentId, until);
            return next;
        }, Expiry.NEVER);
    }

    @Override
    public Map<String, Instant> mutes() {
        return mutes.read(MUTES).map(v -> Map.copyOf(v.value())).orElse(Map.of());
    }
}
