package dev.callcodes.store.azure;

import com.azure.core.credential.TokenCredential;
import com.azure.core.exception.AzureException;
import com.azure.core.http.HttpClient;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.core.http.rest.PagedResponse;
import com.azure.core.util.BinaryData;
import com.azure.core.util.Context;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.models.BlobDownloadContentResponse;
import com.azure.storage.blob.models.BlobErrorCode;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.BlobListDetails;
import com.azure.storage.blob.models.BlobProperties;
import com.azure.storage.blob.models.BlobRequestConditions;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.models.ListBlobsOptions;
import com.azure.storage.blob.options.BlockBlobSimpleUploadOptions;
import com.azure.storage.common.policy.RequestRetryOptions;
import com.azure.storage.common.policy.RetryPolicyType;
import dev.callcodes.store.ConflictException;
import dev.callcodes.store.Document;
import dev.callcodes.store.DocumentStore;
import dev.callcodes.store.Entry;
import dev.callcodes.store.Expiry;
import dev.callcodes.store.Keys;
import dev.callcodes.store.NotFoundException;
import dev.callcodes.store.Page;
import dev.callcodes.store.StoreException;
import dev.callcodes.store.StoreSettings;
import dev.callcodes.store.StoreUnavailableException;
import dev.callcodes.store.Version;

import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The store over one Azure Blob Storage container, for several app instances: a document is a block blob named by
 * its key; its version is the blob's ETag, and conditional writes are {@code If-None-Match: *} (create) and
 * {@code If-Match} (replace, delete), which the service checks atomically. Expiry is blob metadata
 * ({@code callcodes_expires}, epoch milliseconds), honoured on read and list, and removed lazily (with
 * {@code If-Match}, so a fresh write is never removed) or by {@link #sweepExpired}.
 *
 * <p>The version tag also carries the expiry of the version it names, so replace and delete can tell an expired
 * document from a live one without another request.
 *
 * <p>HTTP goes through the JDK's {@code HttpClient} (azure-core-http-jdk-httpclient), not Netty: it adds no network
 * stack to the bot jar and cannot disturb the Bot Framework SDK's OkHttp 3.
 */
public final class BlobDocumentStore implements DocumentStore {

    static final String EXPIRES = "callcodes_expires";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final char TAG_SEPARATOR = '|';
    // A person is waiting on most requests (a chat answer): three tries within seconds, not the SDK's default of
    // four tries 4 s apart, doubling. Throttling (503) and timeouts are retried by the SDK; the store's callers retry
    // conflicts, which are not failures.
    private static final RequestRetryOptions RETRIES = new RequestRetryOptions(RetryPolicyType.EXPONENTIAL, 3,
            Duration.ofSeconds(20), Duration.ofMillis(500), Duration.ofSeconds(4), null);

    private final BlobContainerClient container;
    private final Clock clock;

    BlobDocumentStore(BlobContainerClient container, Clock clock) {
        this.container = container;
        this.clock = clock;
    }

    /**
     * Connects as the settings say (endpoint with DefaultAzureCredential, or a connection string) and creates the
     * container if it is missing.
     */
    public static BlobDocumentStore open(StoreSettings settings, Clock clock) {
        HttpClient http = new JdkHttpClientBuilder().connectionTimeout(Duration.ofSeconds(10)).build();
        BlobServiceClientBuilder builder = new BlobServiceClientBuilder().httpClient(http).retryOptions(RETRIES);
        BlobContainerClient container;
        try {
            if (settings.connectionString() != null) {
                builder.connectionString(settings.connectionString());
            } else {
                TokenCredential credential = new DefaultAzureCredentialBuilder().httpClient(http).build();
                builder.endpoint(settings.blobEndpoint().toString()).credential(credential);
            }
            container = builder.buildClient().getBlobContainerClient(settings.blobContainer());
        } catch (IllegalArgumentException badConnectionString) {
            throw new StoreException(StoreSettings.BLOB_CONNECTION_STRING + " is not a usable connection string: "
                    + badConnectionString.getMessage());
        }
        BlobDocumentStore store = new BlobDocumentStore(container, clock);
        store.ensureContainer();
        return store;
    }

    private void ensureContainer() {
        // exists() first: an identity with a role on the container alone may read it but not create containers.
        call("open the container", () -> container.exists() || container.createIfNotExists());
    }

    @Override
    public Optional<Document> read(String key) {
        BlobClient blob = blob(key);
        BlobDownloadContentResponse response;
        try {
            response = call(key, () -> blob.downloadContentWithResponse(null, null, TIMEOUT, Context.NONE));
        } catch (NotFoundException absent) {
            return Optional.empty();
        }
        Expiry expiry = expiry(response.getDeserializedHeaders().getMetadata());
        String etag = response.getDeserializedHeaders().getETag();
        if (expiry.passed(clock.instant())) {
            deleteQuietly(blob, etag);
            return Optional.empty();
        }
        return Optional.of(new Document(key, response.getValue().toBytes(), version(etag, expiry), expiry));
    }

    @Override
    public Version create(String key, byte[] content, Expiry expiry) {
        BlobClient blob = blob(key);
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                return upload(blob, key, content, expiry, new BlobRequestConditions().setIfNoneMatch("*"));
            } catch (ConflictException exists) {
                Optional<BlobProperties> current = properties(blob, key);
                if (current.isEmpty()) {
                    continue; // deleted in between: try again
                }
                if (!expiry(current.get().getMetadata()).passed(clock.instant())) {
                    throw new ConflictException(key, ConflictException.Reason.ALREADY_EXISTS);
                }
                try {
                    return upload(blob, key, content, expiry,
                            new BlobRequestConditions().setIfMatch(current.get().getETag()));
                } catch (ConflictException anotherTookItOver) {
                    throw new ConflictException(key, ConflictException.Reason.ALREADY_EXISTS);
                } catch (NotFoundException deletedMeanwhile) {
                    // try again
                }
            }
        }
        throw new ConflictException(key, ConflictException.Reason.ALREADY_EXISTS);
    }

    @Override
    public Version replace(String key, byte[] content, Version expected, Expiry expiry) {
        BlobClient blob = blob(key);
        Tag tag = liveTag(blob, key, expected);
        try {
            return upload(blob, key, content, expiry, new BlobRequestConditions().setIfMatch(tag.etag()));
        } catch (ConflictException changed) {
            throw conflictOrMissing(blob, key);
        }
    }

    @Override
    public Version put(String key, byte[] content, Expiry expiry) {
        return upload(blob(key), key, content, expiry, null);
    }

    @Override
    public void delete(String key, Version expected) {
        BlobClient blob = blob(key);
        Tag tag = liveTag(blob, key, expected);
        try {
            call(key, () -> blob.deleteWithResponse(null, new BlobRequestConditions().setIfMatch(tag.etag()), TIMEOUT,
                    Context.NONE));
        } catch (ConflictException changed) {
            throw conflictOrMissing(blob, key);
        }
    }

    @Override
    public boolean delete(String key) {
        BlobClient blob = blob(key);
        Optional<BlobProperties> current = properties(blob, key);
        if (current.isEmpty()) {
            return false;
        }
        try {
            call(key, () -> blob.deleteWithResponse(null, null, TIMEOUT, Context.NONE));
        } catch (NotFoundException deletedMeanwhile) {
            return false;
        }
        return !expiry(current.get().getMetadata()).passed(clock.instant());
    }

    @Override
    public Page list(String prefix, String continuation, int pageSize) {
        Keys.checkPrefix(prefix);
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("a page size is 1 to " + MAX_PAGE_SIZE + ", not " + pageSize);
        }
        PagedResponse<BlobItem> page = call("list " + prefix, () -> {
            Iterator<PagedResponse<BlobItem>> pages = container.listBlobs(options(prefix, pageSize), continuation,
                    TIMEOUT).iterableByPage(continuation, pageSize).iterator();
            return pages.hasNext() ? pages.next() : null;
        });
        if (page == null) {
            return new Page(List.of(), null);
        }
        List<Entry> entries = new ArrayList<>();
        for (BlobItem item : page.getValue()) {
            Expiry expiry = expiry(item.getMetadata());
            if (!expiry.passed(clock.instant()) && Keys.isValid(item.getName())) {
                entries.add(new Entry(item.getName(), version(item.getProperties().getETag(), expiry), expiry));
            }
        }
        String next = page.getContinuationToken();
        return new Page(entries, next == null || next.isEmpty() ? null : next);
    }

    @Override
    public int sweepExpired(String prefix) {
        Keys.checkPrefix(prefix);
        return call("sweep " + prefix, () -> {
            int removed = 0;
            for (BlobItem item : container.listBlobs(options(prefix, 1000), TIMEOUT)) {
                if (expiry(item.getMetadata()).passed(clock.instant())
                        && deleteQuietly(container.getBlobClient(item.getName()), item.getProperties().getETag())) {
                    removed++;
                }
            }
            return removed;
        });
    }

    @Override
    public String describe() {
        return "Azure Blob Storage container " + container.getBlobContainerUrl();
    }

    @Override
    public void close() {
        // the SDK's clients hold no resources of their own; the JDK HttpClient's threads are daemons
    }

    // ---- requests

    private BlobClient blob(String key) {
        return container.getBlobClient(Keys.check(key));
    }

    private static ListBlobsOptions options(String prefix, int pageSize) {
        return new ListBlobsOptions().setPrefix(prefix.isEmpty() ? null : prefix).setMaxResultsPerPage(pageSize)
                .setDetails(new BlobListDetails().setRetrieveMetadata(true));
    }

    private Version upload(BlobClient blob, String key, byte[] content, Expiry expiry, BlobRequestConditions conditions) {
        BlockBlobSimpleUploadOptions options = new BlockBlobSimpleUploadOptions(BinaryData.fromBytes(content))
                .setMetadata(expiry.never() ? null : Map.of(EXPIRES, expiry.toEpochMillis()))
                .setRequestConditions(conditions);
        String etag = call(key, () -> blob.getBlockBlobClient().uploadWithResponse(options, TIMEOUT, Context.NONE)
                .getValue().getETag());
        return version(etag, expiry);
    }

    private Optional<BlobProperties> properties(BlobClient blob, String key) {
        try {
            return Optional.of(call(key, () -> blob.getPropertiesWithResponse(null, TIMEOUT, Context.NONE).getValue()));
        } catch (NotFoundException absent) {
            return Optional.empty();
        }
    }

    /** The tag of {@code expected}, or not found when that version has expired (and is then cleaned up). */
    private Tag liveTag(BlobClient blob, String key, Version expected) {
        Tag tag = Tag.parse(expected);
        if (tag.expiry().passed(clock.instant())) {
            deleteQuietly(blob, tag.etag());
            throw new NotFoundException(key);
        }
        return tag;
    }

    /** After a failed If-Match: another version if there is a live document, else not found. */
    private StoreException conflictOrMissing(BlobClient blob, String key) {
        Optional<BlobProperties> current = properties(blob, key);
        if (current.isEmpty() || expiry(current.get().getMetadata()).passed(clock.instant())) {
            return new NotFoundException(key);
        }
        return new ConflictException(key, ConflictException.Reason.VERSION_CHANGED);
    }

    private boolean deleteQuietly(BlobClient blob, String etag) {
        try {
            blob.deleteWithResponse(null, new BlobRequestConditions().setIfMatch(etag), TIMEOUT, Context.NONE);
            return true;
        } catch (RuntimeException rewrittenOrGone) {
            return false; // a newer version is not ours to delete; a failed clean-up is retried by the next read
        }
    }

    /** Runs one SDK call and maps its failures to the store's. */
    private <R> R call(String what, java.util.function.Supplier<R> request) {
        try {
            return request.get();
        } catch (BlobStorageException e) {
            throw translate(what, e);
        } catch (AzureException | UncheckedIOException e) {
            throw new StoreUnavailableException("Blob Storage did not answer (" + what + "): " + e.getMessage(), e);
        } catch (RuntimeException e) {
            if (e.getCause() instanceof java.io.IOException || e.getCause() instanceof java.util.concurrent.TimeoutException) {
                throw new StoreUnavailableException("Blob Storage did not answer (" + what + "): " + e.getMessage(), e);
            }
            throw e;
        }
    }

    private RuntimeException translate(String what, BlobStorageException e) {
        BlobErrorCode code = e.getErrorCode();
        int status = e.getStatusCode();
        if (status == 404 && !BlobErrorCode.CONTAINER_NOT_FOUND.equals(code)) {
            return new NotFoundException(what);
        }
        if (status == 412 || (status == 409 && BlobErrorCode.BLOB_ALREADY_EXISTS.equals(code))) {
            return new ConflictException(what, ConflictException.Reason.VERSION_CHANGED);
        }
        if (status == 403 || status == 401) {
            return new StoreException("Blob Storage refused access to " + container.getBlobContainerUrl() + " (" + code
                    + "): give the app's identity the role Storage Blob Data Contributor on the container, or check "
                    + StoreSettings.BLOB_CONNECTION_STRING, e);
        }
        if (status == 404) {
            return new StoreException("the container " + container.getBlobContainerUrl() + " is gone", e);
        }
        if (status == 408 || status == 429 || status >= 500) {
            return new StoreUnavailableException("Blob Storage answered " + status + " " + code + " (" + what
                    + ") after its retries", e);
        }
        return new StoreException("Blob Storage answered " + status + " " + code + " (" + what + ")", e);
    }

    private static Expiry expiry(Map<String, String> metadata) {
        String millis = metadata == null ? null : metadata.get(EXPIRES);
        try {
            return Expiry.ofEpochMillis(millis);
        } catch (NumberFormatException notOurs) {
            return Expiry.NEVER;
        }
    }

    private static Version version(String etag, Expiry expiry) {
        return new Version(expiry.never() ? etag : etag + TAG_SEPARATOR + expiry.toEpochMillis());
    }

    /** A version tag taken apart: the blob's ETag and the expiry of that version. */
    private record Tag(String etag, Expiry expiry) {
        static Tag parse(Version version) {
            String tag = version.tag();
            int separator = tag.lastIndexOf(TAG_SEPARATOR);
            if (separator < 0) {
                return new Tag(tag, Expiry.NEVER);
            }
            try {
                return new Tag(tag.substring(0, separator), Expiry.ofEpochMillis(tag.substring(separator + 1)));
            } catch (NumberFormatException notOurs) {
                return new Tag(tag, Expiry.NEVER);
            }
        }
    }
}
