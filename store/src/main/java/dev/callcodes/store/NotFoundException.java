package dev.callcodes.store;

/** There is no live document at the key (never written, deleted, or expired). */
public final class NotFoundException extends StoreException {

    private final String key;

    public NotFoundException(String key) {
        super("no document at " + key);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
