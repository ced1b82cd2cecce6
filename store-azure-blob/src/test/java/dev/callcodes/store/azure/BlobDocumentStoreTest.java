package dev.callcodes.store.azure;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import dev.callcodes.store.ConflictException;
import dev.callcodes.store.Expiry;
import dev.callcodes.store.MutableClock;
import dev.callcodes.store.StoreException;
import dev.callcodes.store.StoreSettings;
import dev.callcodes.store.Version;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What only the Blob store does: ETags checked by the service, expiry as metadata, settings and messages. */
class BlobDocumentStoreTest {

    private final MutableClock clock = new MutableClock();
    private final Azurite azurite = Azurite.get();

    private BlobContainerClient direct(String container) {
        return new BlobServiceClientBuilder().connectionString(azurite.connectionString()).buildClient()
                .getBlobContainerClient(container);
    }

    @Test
    void aWriteByAnyOtherClientMakesAConditionalWriteLose() {
        String container = Azurite.newContainerName();
        try (BlobDocumentStore store = BlobDocumentStore.open(azurite.settings(container), clock)) {
            Version version = store.create("notes/t1/510559-403", new byte[]{1});
            assertThat(version.tag()).isEqualTo(direct(container).getBlobClient("notes/t1/510559-403").getProperties()
                    .getETag());
            direct(container).getBlobClient("notes/t1/510559-403").upload(BinaryData.fromBytes(new byte[]{9}), true);
            assertThatThrownBy(() -> store.replace("notes/t1/510559-403", new byte[]{2}, version))
                    .isInstanceOf(ConflictException.class);
            assertThatThrownBy(() -> store.delete("notes/t1/510559-403", version)).isInstanceOf(ConflictException.class);
            assertThat(store.read("notes/t1/510559-403").orElseThrow().content()).containsExactly(9);
        }
    }

    @Test
    void expiryIsBlobMetadataAndTheSweepDeletesTheBlob() {
        String container = Azurite.newContainerName();
        try (BlobDocumentStore store = BlobDocumentStore.open(azurite.settings(container), clock)) {
            store.create("activities/a1", new byte[0], Expiry.after(Duration.ofHours(1), clock));
            Map<String, String> metadata = direct(container).getBlobClient("activities/a1").getProperties().getMetadata();
            assertThat(metadata).containsEntry(BlobDocumentStore.EXPIRES,
                    Long.toString(clock.instant().plus(Duration.ofHours(1)).toEpochMilli()));
            clock.advance(Duration.ofHours(2));
            assertThat(direct(container).getBlobClient("activities/a1").exists()).isTrue();
            assertThat(store.sweepExpired("activities/")).isEqualTo(1);
            assertThat(direct(container).getBlobClient("activities/a1").exists()).isFalse();
        }
    }

    @Test
    void anExpiredBlobIsDeletedWhenRead() {
        String container = Azurite.newContainerName();
        try (BlobDocumentStore store = BlobDocumentStore.open(azurite.settings(container), clock)) {
            store.create("once/x", new byte[0], Expiry.after(Duration.ofMinutes(1), clock));
            clock.advance(Duration.ofMinutes(1));
            assertThat(store.read("once/x")).isEmpty();
            assertThat(direct(container).getBlobClient("once/x").exists()).isFalse();
        }
    }

    @Test
    void blobsThatAreNotDocumentsAreLeftOutOfListings() {
        String container = Azurite.newContainerName();
        try (BlobDocumentStore store = BlobDocumentStore.open(azurite.settings(container), clock)) {
            direct(container).getBlobClient("notes/Put By Hand.txt").upload(BinaryData.fromString("x"));
            store.put("notes/a", new byte[0]);
            assertThat(store.entries("notes/").map(e -> e.key()).toList()).containsExactly("notes/a");
        }
    }

    @Test
    void theContainerIsCreatedAndDescribedWithoutTheKey() {
        String container = Azurite.newContainerName();
        try (BlobDocumentStore store = BlobDocumentStore.open(azurite.settings(container), clock)) {
            assertThat(direct(container).exists()).isTrue();
            assertThat(store.describe()).contains(container).contains("127.0.0.1:" + azurite.port())
                    .doesNotContain(Azurite.ACCOUNT_KEY);
        }
    }

    @Test
    void aBrokenConnectionStringNamesTheVariable() {
        StoreSettings settings = new StoreSettings(StoreSettings.Kind.AZURE_BLOB, null, null, "callcodes",
                "AccountName=x;NotAField");
        assertThatThrownBy(() -> BlobDocumentStore.open(settings, clock)).isInstanceOf(StoreException.class)
                .hasMessageContaining(StoreSettings.BLOB_CONNECTION_STRING);
    }

    @Test
    void aStoppedServiceIsReportedAsUnavailable() {
        StoreSettings nowhere = new StoreSettings(StoreSettings.Kind.AZURE_BLOB, null, null, "callcodes",
                azurite.connectionString().replace(":" + azurite.port() + "/", ":9/"));
        assertThatThrownBy(() -> BlobDocumentStore.open(nowhere, clock))
                .isInstanceOf(dev.callcodes.store.StoreUnavailableException.class)
                .hasMessageContaining("did not answer");
    }
}
