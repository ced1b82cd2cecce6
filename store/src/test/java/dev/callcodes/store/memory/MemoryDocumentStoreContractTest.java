package dev.callcodes.store.memory;

import dev.callcodes.store.DocumentStore;
import dev.callcodes.store.DocumentStoreContract;
import dev.callcodes.store.MutableClock;

/** The store contract on the heap. */
class MemoryDocumentStoreContractTest extends DocumentStoreContract {

    @Override
    protected DocumentStore openEmptyStore(MutableClock clock) {
        return new MemoryDocumentStore(clock, "contract test");
    }
}
