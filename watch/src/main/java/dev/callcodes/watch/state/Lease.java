package dev.callcodes.watch.state;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Who polls. One holder at a time; a holder that dies stops renewing and the lease expires, so another instance
 * takes over after at most the time to live.
 */
public interface Lease {

    /** Takes the lease if it is free, expired or already the holder's; true when {@code holder} now holds it. */
    boolean acquire(String holder, Duration ttl);

    /** Extends the holder's lease; false when it has expired or another instance holds it. */
    boolean renew(String holder, Duration ttl);

    /** Gives the lease up (at shutdown), so another instance need not wait for it to expire. */
    void release(String holder);

    /** The current holder, if the lease is held. */
    Optional<Holder> holder();

    record Holder(String name, Instant expiresAt) {
    }
}
