package dev.callcodes.store.lease;

import dev.callcodes.store.Version;

import java.time.Instant;

/**
 * A lease held: only its holder does the guarded work (one instance polls Graph, say), until {@code expiresAt}. The
 * holder renews well before then and stops when a renewal fails; after {@code expiresAt} another instance may take
 * it over.
 */
public record Lease(String name, String owner, Instant acquiredAt, Instant expiresAt, Version version) {

    /** Whether the lease still holds at {@code now} on the holder's clock. */
    public boolean heldAt(Instant now) {
        return now.isBefore(expiresAt);
    }
}
