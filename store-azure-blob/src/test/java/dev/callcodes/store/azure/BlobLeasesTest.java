package dev.callcodes.store.azure;

import dev.callcodes.store.DocumentStore;
import dev.callcodes.store.MutableClock;
import dev.callcodes.store.lease.LeasesContract;

/** Leases on Blob Storage between two store clients on one container, as two app instances would hold them. */
class BlobLeasesTest extends LeasesContract {

    @Override
    protected DocumentStore[] openTwoClients(MutableClock clock) {
        Azurite azurite = Azurite.get();
        String container = Azurite.newContainerName();
        return new DocumentStore[]{BlobDocumentStore.open(azurite.settings(container), clock),
                BlobDocumentStore.open(azurite.settings(container), clock)};
    }
}
