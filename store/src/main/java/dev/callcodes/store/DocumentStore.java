package dev.callcodes.store;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Documents by key, each with a version tag that changes on every write, for optimistic concurrency between threads
 * and between app instances. Two implementations keep the same contract ({@code DocumentStoreContract} in the test
 * jar): files on one machine ({@code dev.callcodes.store.embedded.FileDocumentStore}) and Azure Blob Storage
 * ({@code dev.callcodes.store.azure.BlobDocumentStore}).
 *
 * <p>Keys are {@code /}-separated segments of lowercase ASCII letters, digits, {@code .}, {@code _} and {@code -}, each
 * starting with a letter or digit ({@link Keys}). A document may carry an {@link Expiry}: from that instant on it is
 * absent for every operation (read, list, replace, delete; {@code create} succeeds over it) and is removed lazily or by
 * {@link #sweepExpired}. Expiry is judged by the clock of the instance asking, so expiry times should be far longer
 * than the clock skew between instances (seconds, not milliseconds).
 *
 * <p>Failures are unchecked and typed: {@link ConflictException} (the document exists, or has another version),
 * {@link NotFoundException}, {@link StoreUnavailableException} (I/O or the service failed: may pass) and
 * {@link StoreException} for everything else. Implementations are safe for many threads.
 */
public interface DocumentStore extends AutoCloseable {

    /** The largest page {@link #list} returns (Blob Storage's own limit). */
    int MAX_PAGE_SIZE = 5000;

    /** The document, or empty when there is none or it has expired. */
    Optional<Document> read(String key);

    /**
     * Writes a new document: create-if-absent. An expired document counts as absent.
     *
     * @throws ConflictException (reason {@code ALREADY_EXISTS}) when a live document has the key
     */
    Version create(String key, byte[] content, Expiry expiry);

    /**
     * Replaces the document if it still has version {@code expected}: replace-if-version.
     *
     * @throws ConflictException (reason {@code VERSION_CHANGED}) when it has another version
     * @throws NotFoundException when there is no live document
     */
    Version replace(String key, byte[] content, Version expected, Expiry expiry);

    /** Writes the document whatever is there (last writer wins); for data that no reader updates. */
    Version put(String key, byte[] content, Expiry expiry);

    /**
     * Deletes the document if it still has version {@code expected}: delete-if-version.
     *
     * @throws ConflictException (reason {@code VERSION_CHANGED}) when it has another version
     * @throws NotFoundException when there is no live document
     */
    void delete(String key, Version expected);

    /** Deletes the document whatever its version; false when there was none. */
    boolean delete(String key);

    /**
     * One page of the live documents whose key starts with {@code prefix} (any string, not only whole segments), in
     * key order. A page may hold fewer than {@code pageSize} entries and still have a next one.
     *
     * @param continuation {@code null} for the first page, then {@link Page#continuation()} of the previous one
     * @param pageSize     1 to {@link #MAX_PAGE_SIZE}
     */
    Page list(String prefix, String continuation, int pageSize);

    /** Deletes every expired document under {@code prefix}; returns how many. Reads clean up lazily anyway. */
    int sweepExpired(String prefix);

    /** Every live document under {@code prefix}, in key order, fetched page by page as the stream is consumed. */
    default Stream<Entry> entries(String prefix) {
        Iterator<Entry> iterator = new Iterator<>() {
            private Page page = list(prefix, null, 1000);
            private int index;

            @Override
            public boolean hasNext() {
                while (index >= page.entries().size() && page.continuation() != null) {
                    page = list(prefix, page.continuation(), 1000);
                    index = 0;
                }
                return index < page.entries().size();
            }

            @Override
            public Entry next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return page.entries().get(index++);
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator,
                Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.DISTINCT), false);
    }

    default Version create(String key, byte[] content) {
        return create(key, content, Expiry.NEVER);
    }

    default Version replace(String key, byte[] content, Version expected) {
        return replace(key, content, expected, Expiry.NEVER);
    }

    default Version put(String key, byte[] content) {
        return put(key, content, Expiry.NEVER);
    }

    /** Where the documents are, for messages and logs: a folder or an account and container, never a secret. */
    String describe();

    @Override
    void close();
}
