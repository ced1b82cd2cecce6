package dev.callcodes.bot.teams;

import com.microsoft.bot.restclient.retry.RetryStrategy;
import okhttp3.Response;

import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongConsumer;

/**
 * Retries a reply that Teams throttled (429) or that a gateway dropped (412, 502, 504), with exponential backoff,
 * full jitter and the server's Retry-After when it sends one. The SDK's own strategy retries at once and never on 429.
 * The wait happens on the sending thread, which is the one that would otherwise hammer the throttled endpoint.
 */
final class ReplyRetryStrategy extends RetryStrategy {

    static final Set<Integer> RETRYABLE = Set.of(412, 429, 502, 504);
    static final long BASE_DELAY_MS = 500;
    static final long MAX_DELAY_MS = 8_000;

    private final int maxRetries;
    private final LongConsumer sleeper;

    ReplyRetryStrategy(int maxRetries) {
        this(maxRetries, ReplyRetryStrategy::sleep);
    }

    ReplyRetryStrategy(int maxRetries, LongConsumer sleeper) {
        super("callcodes-reply-backoff", false);
        this.maxRetries = maxRetries;
        this.sleeper = sleeper;
    }

    @Override
    public boolean shouldRetry(int retryCount, Response response) {
        if (retryCount >= maxRetries || !RETRYABLE.contains(response.code())) {
            return false;
        }
        sleeper.accept(delayMillis(retryCount, response.header("Retry-After")));
        return true;
    }

    static long delayMillis(int retryCount, String retryAfter) {
        long ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS << Math.min(retryCount, 16));
        long jittered = ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1);
        return Math.max(jittered, Math.min(MAX_DELAY_MS, retryAfterMillis(retryAfter)));
    }

    private static long retryAfterMillis(String retryAfter) {
        if (retryAfter == null) {
            return 0;
        }
        try {
            return Math.max(0, Long.parseLong(retryAfter.strip())) * 1000;
        } catch (NumberFormatException e) {
            return 0; // an HTTP date: the backoff alone is close enough
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
