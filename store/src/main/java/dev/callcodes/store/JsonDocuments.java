package dev.callcodes.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Documents of one JSON type (records work) over a {@link DocumentStore}, and the read-change-write loop that makes
 * concurrent updates safe: {@link #update} retries on conflict, so two instances never lose each other's change.
 */
public final class JsonDocuments<T> {

    /** Instants as ISO-8601 text; unknown fields ignored, so a document written by a newer version still reads. */
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final DocumentStore store;
    private final JavaType type;
    private final ConflictRetry retry;

    public JsonDocuments(DocumentStore store, Class<T> type, ConflictRetry retry) {
        this(store, MAPPER.constructType(type), retry);
    }

    public JsonDocuments(DocumentStore store, JavaType type, ConflictRetry retry) {
        this.store = Objects.requireNonNull(store, "store");
        this.type = Objects.requireNonNull(type, "type");
        this.retry = Objects.requireNonNull(retry, "retry");
    }

    public DocumentStore store() {
        return store;
    }

    public Optional<Versioned<T>> read(String key) {
        return store.read(key).map(this::decode);
    }

    public Version create(String key, T value, Expiry expiry) {
        return store.create(key, encode(key, value), expiry);
    }

    public Version replace(String key, T value, Version expected, Expiry expiry) {
        return store.replace(key, encode(key, value), expected, expiry);
    }

    public Version put(String key, T value, Expiry expiry) {
        return store.put(key, encode(key, value), expiry);
    }

    /**
     * Reads the document (or takes {@code initial} when there is none), applies {@code change} and writes the result
     * if the document is still the one read; on a conflict, reads again and reapplies, up to the retry's limit. A
     * change that returns an equal value writes nothing. {@code change} may run several times: keep it free of side
     * effects.
     *
     * @return the value now stored
     * @throws ConflictException when every attempt lost to another writer
     */
    public T update(String key, Supplier<T> initial, UnaryOperator<T> change, Expiry expiry) {
        return retry.run(() -> {
            Optional<Versioned<T>> current = read(key);
            T before = current.map(Versioned::value).orElseGet(initial);
            T after = Objects.requireNonNull(change.apply(before), "an update returns the new value");
            if (current.isPresent() && after.equals(before)) {
                return before;
            }
            if (current.isPresent()) {
                replace(key, after, current.get().version(), expiry);
            } else {
                create(key, after, expiry);
            }
            return after;
        });
    }

    /** Every live document under {@code prefix}, in key order; a document deleted while listing is skipped. */
    public Stream<Versioned<T>> readAll(String prefix) {
        return store.entries(prefix).map(entry -> read(entry.key())).flatMap(Optional::stream);
    }

    private Versioned<T> decode(Document document) {
        try {
            T value = MAPPER.readValue(document.content(), type);
            return new Versioned<>(document.key(), value, document.version(), document.expiry());
        } catch (IOException e) {
            throw new StoreException("the document at " + document.key() + " is not a readable "
                    + type.getRawClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    private byte[] encode(String key, T value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new StoreException("could not write the document at " + key + " as JSON: " + e.getOriginalMessage(), e);
        }
    }
}
