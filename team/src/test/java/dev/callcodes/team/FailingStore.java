package dev.callcodes.team;

import dev.callcodes.store.Document;
import dev.callcodes.store.DocumentStore;
import dev.callcodes.store.Expiry;
import dev.callcodes.store.Page;
import dev.callcodes.store.StoreUnavailableException;
import dev.callcodes.store.Version;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** A store whose next writes fail as an outage would; reads pass through. */
public final class FailingStore implements DocumentStore {

    private final DocumentStore delegate;
    private final AtomicInteger failures = new AtomicInteger();

    public FailingStore(DocumentStore delegate) {
        this.delegate = delegate;
    }

    public void failNextWrites(int count) {
        failures.set(count);
    }

    private void maybeFail() {
        if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new StoreUnavailableException("the store is down (test)", null);
        }
    }

    @Override
    public Optional<Document> read(String key) {
        return delegate.read(key);
    }

    @Override
    public Version create(String key, byte[] content, Expiry expiry) {
        maybeFail();
        return delegate.create(key, content, expiry);
    }

    @Override
    public Version replace(String key, byte[] content, Version expected, Expiry expiry) {
        maybeFail();
        return delegate.replace(key, content, expected, expiry);
    }

    @Override
    public Version put(String key, byte[] content, Expiry expiry) {
        maybeFail();
        return delegate.put(key, content, expiry);
    }

    @Override
    public void delete(String key, Version expected) {
        maybeFail();
        delegate.delete(key, expected);
    }

    @Override
    public boolean delete(String key) {
        maybeFail();
        return delegate.delete(key);
    }

    @Override
    public Page list(String prefix, String continuation, int pageSize) {
        return delegate.list(prefix, continuation, pageSize);
    }

    @Override
    public int sweepExpired(String prefix) {
        return delegate.sweepExpired(prefix);
    }

    @Override
    public String describe() {
        return "failing " + delegate.describe();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
