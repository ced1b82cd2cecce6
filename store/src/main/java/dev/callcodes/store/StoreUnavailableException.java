package dev.callcodes.store;

/** The disk or the storage service failed (I/O error, timeout, throttling past the SDK's retries): may pass. */
public final class StoreUnavailableException extends StoreException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
