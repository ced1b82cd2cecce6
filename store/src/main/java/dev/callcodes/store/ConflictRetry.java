package dev.callcodes.store;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Retries an optimistic write that lost to another writer, with exponential backoff and full jitter, so writers
 * contending for one document spread out instead of colliding again in step.
 *
 * @param maxAttempts attempts in all, at least 1
 * @param firstDelay  the backoff ceiling after the first conflict; it doubles up to {@code maxDelay}
 */
public record ConflictRetry(int maxAttempts, Duration firstDelay, Duration maxDelay, Sleeper sleeper) {

    /** Enough for dozens of writers on one document at once (the concurrency tests run 32). */
    public static final ConflictRetry DEFAULT =
            new ConflictRetry(100, Duration.ofMillis(2), Duration.ofMillis(250), Thread::sleep);

    /** Waits; {@link Thread#sleep} in production, a recorder in tests. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    public ConflictRetry {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts is at least 1, not " + maxAttempts);
        }
    }

    public <R> R run(Supplier<R> attempt) {
        for (int attempts = 1; ; attempts++) {
            try {
                return attempt.get();
            } catch (ConflictException conflict) {
                if (attempts >= maxAttempts) {
                    throw conflict;
                }
                pause(attempts);
            }
        }
    }

    private void pause(int attempts) {
        long ceiling = Math.min(maxDelay.toMillis(), firstDelay.toMillis() << Math.min(attempts - 1, 20));
        try {
            sleeper.sleep(ThreadLocalRandom.current().nextLong(ceiling + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while waiting to retry a write", e);
        }
    }
}
