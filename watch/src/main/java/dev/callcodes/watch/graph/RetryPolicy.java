package dev.callcodes.watch.graph;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When to try a Graph request again. Graph's throttling guidance: on 429 wait as long as {@code Retry-After} says;
 * on 503 and 504 (and 502), and when the connection fails, back off exponentially with jitter, honouring a
 * {@code Retry-After} when one is sent. Waits are capped so that one poll cannot hang for hours.
 *
 * @param attempts   tries of one page in all (the first and the retries)
 * @param firstDelay the first backoff, doubled each time; each wait is drawn from half of it to all of it (jitter)
 * @param maxDelay   the longest single wait, whatever {@code Retry-After} asks for
 */
public record RetryPolicy(int attempts, Duration firstDelay, Duration maxDelay) {

    public static RetryPolicy defaults() {
        return new RetryPolicy(6, Duration.ofSeconds(1), Duration.ofMinutes(2));
    }

    public static boolean retryable(int status) {
        return status == 429 || status == 502 || status == 503 || status == 504;
    }

    /** The wait before retry number {@code retry} (1 for the first retry). */
    public Duration delay(int retry, Optional<String> retryAfter, Instant now) {
        Duration asked = retryAfter.flatMap(value -> parseRetryAfter(value, now)).orElse(null);
        Duration wait;
        if (asked != null) {
            wait = asked;
        } else {
            long base = firstDelay.toMillis() << Math.min(retry - 1, 20);
            long jitter = ThreadLocalRandom.current().nextLong(base / 2 + 1);
            wait = Duration.ofMillis(base / 2 + jitter);
        }
        return wait.compareTo(maxDelay) > 0 ? maxDelay : wait;
    }

    /** Seconds ({@code 120}) or an HTTP date, as RFC 9110 allows. */
    static Optional<Duration> parseRetryAfter(String value, Instant now) {
        String trimmed = value.trim();
        try {
            long seconds = Long.parseLong(trimmed);
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration until = Duration.between(now, at);
                return Optional.of(until.isNegative() ? Duration.ZERO : until);
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }
}
