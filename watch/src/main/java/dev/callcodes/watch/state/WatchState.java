package dev.callcodes.watch.state;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The watch's shared state: the polling instance's checkpoint (watermark, seen calls, history, incidents, outbox)
 * and the mutes any instance may set from a card. The checkpoint is written with optimistic concurrency: a commit
 * names the version it was based on, so an instance that lost its lease mid-poll cannot overwrite the new
 * holder's work. Versions are opaque (an ETag in Blob Storage).
 */
public interface WatchState {

    /** The checkpoint and its version; {@link Checkpoint#EMPTY} with a null version before the first commit. */
    Versioned load();

    /**
     * Stores {@code next} if the stored version is still {@code expectedVersion} (null: nothing stored yet).
     * Returns the new version, or empty when another writer came first.
     */
    Optional<String> commit(Checkpoint next, String expectedVersion);

    /** Mutes an incident until the given time (from any instance: a card button). */
    void mute(String incidentId, Instant until);

    /** Incident id to muted-until; entries in the past may be left in. */
    Map<String, Instant> mutes();

    record Versioned(Checkpoint checkpoint, String version) {
    }
}
