package dev.callcodes.bot.store;

import dev.callcodes.store.DocumentStore;
import dev.callcodes.store.StoreSettings;
import dev.callcodes.store.azure.BlobDocumentStore;
import dev.callcodes.store.embedded.FileDocumentStore;

import java.time.Clock;

/** Opens the store {@code CALLCODES_STORE} names: the one place that knows both implementations. */
public final class Stores {

    private Stores() {
    }

    public static DocumentStore open(StoreSettings settings, Clock clock) {
        return switch (settings.kind()) {
            case EMBEDDED -> FileDocumentStore.open(settings.dataDir(), clock);
            case AZURE_BLOB -> BlobDocumentStore.open(settings, clock);
        };
    }
}
