package dev.callcodes.bot;

import dev.callcodes.catalog.explanation.CallCodes;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The embedded catalog, read while Spring starts. Reading its YAML and building the search index took about a
 * third of the bot's start on the main thread, before the web server; started first, on a thread of its own, it
 * runs beside Spring's own start on the second core. A context started without {@link #start} (a test) reads it
 * when it asks.
 */
final class CatalogPreload {

    private static volatile CompletableFuture<CallCodes> loading;

    private CatalogPreload() {
    }

    static void start() {
        CompletableFuture<CallCodes> future = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try {
                future.complete(CallCodes.embedded());
            } catch (RuntimeException | Error e) {
                future.completeExceptionally(e);
            }
        }, "catalog-preload");
        reader.setDaemon(true);
        loading = future;
        reader.start();
    }

    /** The catalog started by {@link #start}, once; a malformed one fails here as it would have loaded. */
    static CallCodes take() {
        CompletableFuture<CallCodes> future = loading;
        loading = null;
        if (future == null) {
            return CallCodes.embedded();
        }
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
