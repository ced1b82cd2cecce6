package dev.callcodes.bot.watch;

import dev.callcodes.store.lease.Lease;
import dev.callcodes.store.lease.Leases;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The watch's lease ({@code leases/watch}) over the store's leases, so that of several app instances sharing a Blob
 * store exactly one polls Graph, and another takes over when it stops renewing.
 */
final class StoreLease implements dev.callcodes.watch.state.Lease {

    static final String NAME = "watch";

    private final Leases leases;
    private final Clock clock;
    private Lease held;

    StoreLease(Leases leases, Clock clock) {
        this.leases = leases;
        this.clock = clock;
    }

    @Override
    public synchronized boolean acquire(String holder, Duration ttl) {
        // Leases.acquire renews a lease the holder already has, so a holder whose renewal was lost can take it again.
        held = leases.acquire(NAME, holder, ttl).orElse(null);
        return held != null;
    }

    @Override
    public synchronized boolean renew(String holder, Duration ttl) {
        if (held == null || !held.owner().equals(holder)) {
            return false;
        }
        held = leases.renew(held, ttl).orElse(null);
        return held != null;
    }

    @Override
    public synchronized void release(String holder) {
        if (held != null && held.owner().equals(holder)) {
            leases.release(held);
            held = null;
        }
    }

    @Override
    public Optional<Holder> holder() {
        return leases.holder(NAME).filter(lease -> lease.heldAt(clock.instant()))
                .map(lease -> new Holder(lease.owner(), lease.expiresAt()));
    }
}
