package dev.callcodes.store.memory;

import dev.callcodes.store.Expiry;
import dev.callcodes.store.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class MemoryDocumentStoreTest {

    /** A marker nobody writes again would otherwise stay on the heap for as long as the app runs. */
    @Test
    void expiredDocumentsLeaveTheHeapAsWritesGoOn() {
        MutableClock clock = new MutableClock();
        MemoryDocumentStore store = new MemoryDocumentStore(clock, "test");
        for (int i = 0; i < 100; i++) {
            store.create("once/" + i, new byte[0], Expiry.after(Duration.ofMinutes(1), clock));
        }
        clock.advance(Duration.ofMinutes(2));

        for (int i = 0; i < MemoryDocumentStore.SWEEP_EVERY_WRITES; i++) {
            store.put("live/" + i, new byte[0]);
        }

        assertThat(store.sweepExpired("once/")).as("already swept by the writes").isZero();
    }
}
