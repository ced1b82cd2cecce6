package dev.callcodes.store.lease;

import dev.callcodes.store.ConflictException;
import dev.callcodes.store.DocumentStore;
import dev.callcodes.store.Expiry;
import dev.callcodes.store.JsonDocuments;
import dev.callcodes.store.Keys;
import dev.callcodes.store.NotFoundException;
import dev.callcodes.store.Versioned;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Named leases over the store's conditional writes: a lease is a document {@code leases/NAME} that expires, created
 * by whoever gets there first (create-if-absent), kept by its holder (replace-if-version), and free for anyone once it
 * has expired or been released. No instance waits on another, and a holder that dies loses the lease at its expiry.
 *
 * <p>Expiry is judged by each instance's clock: keep the time to live well above the clock skew between instances
 * (30 seconds or more, renewed every third of it).
 */
public final class Leases {

    static final String PREFIX = "leases/";

    private final JsonDocuments<Holder> documents;
    private final Clock clock;

    public Leases(DocumentStore store, Clock clock) {
        this.documents = new JsonDocuments<>(store, Holder.class, dev.callcodes.store.ConflictRetry.DEFAULT);
        this.clock = clock;
    }

    /**
     * Takes the lease if it is free (never taken, released, or expired), or renews it if {@code owner} holds it.
     *
     * @return the lease, or empty when another owner holds it
     */
    public Optional<Lease> acquire(String name, String owner, Duration ttl) {
        String key = key(name);
        Optional<Versioned<Holder>> current = documents.read(key);
        if (current.isPresent()) {
            return current.get().value().owner().equals(owner)
                    ? renew(toLease(name, current.get()), ttl)
                    : Optional.empty();
        }
        Instant now = clock.instant();
        Holder holder = new Holder(owner, now, now.plus(ttl));
        try {
            return Optional.of(toLease(name, holder, documents.create(key, holder, Expiry.at(holder.expiresAt()))));
        } catch (ConflictException anotherWasFaster) {
            return Optional.empty();
        }
    }

    /**
     * Extends a lease its holder still has.
     *
     * @return the renewed lease, or empty when it was lost (expired, released, or taken over): stop the work
     */
    public Optional<Lease> renew(Lease lease, Duration ttl) {
        Holder holder = new Holder(lease.owner(), lease.acquiredAt(), clock.instant().plus(ttl));
        try {
            return Optional.of(toLease(lease.name(), holder,
                    documents.replace(key(lease.name()), holder, lease.version(), Expiry.at(holder.expiresAt()))));
        } catch (ConflictException | NotFoundException lost) {
            return Optional.empty();
        }
    }

    /** Gives the lease up so another instance can take it at once; a lease already lost is left alone. */
    public void release(Lease lease) {
        try {
            documents.store().delete(key(lease.name()), lease.version());
        } catch (ConflictException | NotFoundException alreadyLost) {
            // someone else holds it now, or nobody: either way it is not ours to delete
        }
    }

    /** Who holds the lease now, if anyone. */
    public Optional<Lease> holder(String name) {
        return documents.read(key(name)).map(versioned -> toLease(name, versioned));
    }

    private static String key(String name) {
        return PREFIX + Keys.segment("a lease name", name);
    }

    private static Lease toLease(String name, Versioned<Holder> versioned) {
        return toLease(name, versioned.value(), versioned.version());
    }

    private static Lease toLease(String name, Holder holder, dev.callcodes.store.Version version) {
        return new Lease(name, holder.owner(), holder.acquiredAt(), Instant.ofEpochMilli(holder.expiresAt()
                .toEpochMilli()), version);
    }

    /** The stored form. */
    record Holder(String owner, Instant acquiredAt, Instant expiresAt) {
    }
}
