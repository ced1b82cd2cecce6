package dev.callcodes.watch.state;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** A lease in this JVM, for tests and single-instance use; the shared store implements the same contract. */
public final class InMemoryLease implements Lease {

    private final Clock clock;
    private String holder;
    private Instant expiresAt;

    public InMemoryLease(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized boolean acquire(String who, Duration ttl) {
        Instant now = clock.instant();
        if (holder == null || !now.isBefore(expiresAt) || holder.equals(who)) {
            holder = who;
            expiresAt = now.plus(ttl);
            return true;
        }
        return false;
    }

    @Override
    public synchronized boolean renew(String who, Duration ttl) {
        Instant now = clock.instant();
        if (who.equals(holder) && now.isBefore(expiresAt)) {
            expiresAt = now.plus(ttl);
            return true;
        }
        return false;
    }

    @Override
    public synchronized void release(String who) {
        if (who.equals(holder)) {
            holder = null;
            expiresAt = null;
        }
    }

    @Override
    public synchronized Optional<Holder> holder() {
        if (holder == null || !clock.instant().isBefore(expiresAt)) {
            return Optional.empty();
        }
        return Optional.of(new Holder(holder, expiresAt));
    }
}
