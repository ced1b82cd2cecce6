package dev.callcodes.store.lease;

import dev.callcodes.store.DocumentStore;
import dev.callcodes.store.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Leases on a store: acquire, renew, release, take over after expiry, and one holder among many contenders. Runs
 * on both stores (the Blob one with two store clients, as two app instances would be).
 */
public abstract class LeasesContract {

    protected final MutableClock clock = new MutableClock();
    private DocumentStore storeA;
    private DocumentStore storeB;
    private Leases instanceA;
    private Leases instanceB;
    private static final Duration TTL = Duration.ofSeconds(30);

    /** Two clients of one empty store: the same object twice where the store allows one client per process. */
    protected abstract DocumentStore[] openTwoClients(MutableClock clock) throws Exception;

    @BeforeEach
    void open() throws Exception {
        DocumentStore[] stores = openTwoClients(clock);
        storeA = stores[0];
        storeB = stores[1];
        instanceA = new Leases(storeA, clock);
        instanceB = new Leases(storeB, clock);
    }

    @AfterEach
    void close() {
        storeA.close();
        if (storeB != storeA) {
            storeB.close();
        }
    }

    @Test
    void theFirstToAskHoldsItAndTheOtherIsRefused() {
        Lease lease = instanceA.acquire("watch-poller", "instance-a", TTL).orElseThrow();
        assertThat(lease.owner()).isEqualTo("instance-a");
        assertThat(lease.expiresAt()).isEqualTo(clock.instant().plus(TTL));
        assertThat(lease.heldAt(clock.instant())).isTrue();
        assertThat(instanceB.acquire("watch-poller", "instance-b", TTL)).isEmpty();
        assertThat(instanceB.holder("watch-poller").orElseThrow().owner()).isEqualTo("instance-a");
        assertThat(instanceB.acquire("another-lease", "instance-b", TTL)).isPresent();
    }

    @Test
    void theHolderRenewsAndKeepsItPastTheFirstExpiry() {
        Lease lease = instanceA.acquire("poller", "a", TTL).orElseThrow();
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofSeconds(10));
            lease = instanceA.renew(lease, TTL).orElseThrow();
            assertThat(instanceB.acquire("poller", "b", TTL)).isEmpty();
        }
        assertThat(lease.expiresAt()).isEqualTo(clock.instant().plus(TTL));
        assertThat(lease.acquiredAt()).isBefore(clock.instant());
    }

    @Test
    void anotherInstanceTakesOverWhenTheHolderStopsRenewing() {
        Lease dead = instanceA.acquire("poller", "a", TTL).orElseThrow();
        clock.advance(TTL.minusSeconds(1));
        assertThat(instanceB.acquire("poller", "b", TTL)).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(dead.heldAt(clock.instant())).isFalse();
        Lease taken = instanceB.acquire("poller", "b", TTL).orElseThrow();
        assertThat(taken.owner()).isEqualTo("b");
        assertThat(instanceA.renew(dead, TTL)).as("the old holder learns it lost the lease").isEmpty();
        instanceA.release(dead);
        assertThat(instanceA.holder("poller").orElseThrow().owner()).isEqualTo("b");
    }

    @Test
    void aReleasedLeaseIsFreeAtOnce() {
        Lease lease = instanceA.acquire("poller", "a", TTL).orElseThrow();
        instanceA.release(lease);
        assertThat(instanceB.holder("poller")).isEmpty();
        assertThat(instanceB.acquire("poller", "b", TTL)).isPresent();
    }

    @Test
    void aRestartedHolderWithTheSameOwnerGetsItsLeaseBack() {
        instanceA.acquire("poller", "a", TTL).orElseThrow();
        clock.advance(Duration.ofSeconds(5));
        Lease again = instanceB.acquire("poller", "a", TTL).orElseThrow();
        assertThat(again.expiresAt()).isEqualTo(clock.instant().plus(TTL));
    }

    @Test
    void amongManyContendersExactlyOneHoldsIt() throws Exception {
        int contenders = 12;
        ExecutorService pool = Executors.newFixedThreadPool(contenders);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Optional<Lease>>> results = new ArrayList<>();
        try {
            for (int i = 0; i < contenders; i++) {
                Leases leases = i % 2 == 0 ? instanceA : instanceB;
                String owner = "instance-" + i;
                results.add(pool.submit(() -> {
                    start.await();
                    return leases.acquire("poller", owner, TTL);
                }));
            }
            start.countDown();
            int holders = 0;
            for (Future<Optional<Lease>> result : results) {
                holders += result.get(2, TimeUnit.MINUTES).isPresent() ? 1 : 0;
            }
            assertThat(holders).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
