package dev.callcodes.store.lease;

import dev.callcodes.store.DocumentStore;
import dev.callcodes.store.MutableClock;
import dev.callcodes.store.embedded.FileDocumentStore;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** Leases on the embedded store: two store instances in one process share the folder. */
class EmbeddedLeasesTest extends LeasesContract {

    @TempDir
    Path dir;

    @Override
    protected DocumentStore[] openTwoClients(MutableClock clock) {
        return new DocumentStore[]{FileDocumentStore.open(dir, clock), FileDocumentStore.open(dir, clock)};
    }
}
