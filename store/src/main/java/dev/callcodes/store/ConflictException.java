package dev.callcodes.store;

/** A conditional write lost: the document exists (create) or has another version (replace, delete). */
public final class ConflictException extends StoreException {

    public enum Reason { ALREADY_EXISTS, VERSION_CHANGED }

    private final String key;
    private final Reason reason;

    public ConflictException(String key, Reason reason) {
        super((reason == Reason.ALREADY_EXISTS ? "a document already exists at " : "another write changed ") + key);
        this.key = key;
        this.reason = reason;
    }

    public String key() {
        return key;
    }

    public Reason reason() {
        return reason;
    }
}
