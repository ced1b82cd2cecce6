package dev.callcodes.store.embedded;

import dev.callcodes.store.DocumentStore;
import dev.callcodes.store.DocumentStoreContract;
import dev.callcodes.store.MutableClock;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The store contract on the embedded store, in a fresh folder per test. */
class FileDocumentStoreContractTest extends DocumentStoreContract {

    @TempDir
    Path dir;

    @Override
    protected DocumentStore openEmptyStore(MutableClock clock) {
        return FileDocumentStore.open(dir, clock);
    }
}
