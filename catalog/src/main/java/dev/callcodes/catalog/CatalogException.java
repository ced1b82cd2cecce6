package dev.callcodes.catalog;

/** The catalog data is missing or malformed; the message names the file, the entry and the field. */
public class CatalogException extends RuntimeException {
    public CatalogException(String message) {
        super(message);
    }

    public CatalogException(String message, Throwable cause) {
        super(message, cause);
    }
}
