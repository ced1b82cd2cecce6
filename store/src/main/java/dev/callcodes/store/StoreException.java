package dev.callcodes.store;

/** A store operation failed; the message names the key (or the folder, or the container). */
public class StoreException extends RuntimeException {

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
