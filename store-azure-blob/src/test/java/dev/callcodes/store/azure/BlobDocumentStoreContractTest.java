package dev.callcodes.store.azure;

import dev.callcodes.store.DocumentStore;
import dev.callcodes.store.DocumentStoreContract;
import dev.callcodes.store.MutableClock;

/** The store contract on Azure Blob Storage (Azurite), a new container per test. */
class BlobDocumentStoreContractTest extends DocumentStoreContract {

    @Override
    protected DocumentStore openEmptyStore(MutableClock clock) {
        return Azurite.get().newStore(clock);
    }
}
