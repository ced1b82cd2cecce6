package dev.callcodes.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** When a document stops existing: {@link #NEVER}, or at an instant. */
public record Expiry(Instant at) {

    public static final Expiry NEVER = new Expiry(null);

    /** Expiry at this instant, truncated to milliseconds (what both stores keep). */
    public static Expiry at(Instant instant) {
        return new Expiry(Instant.ofEpochMilli(instant.toEpochMilli()));
    }

    /** Expiry {@code ttl} from now on {@code clock}. */
    public static Expiry after(Duration ttl, Clock clock) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("a time to live is positive, not " + ttl);
        }
        return at(clock.instant().plus(ttl));
    }

    /** Parses {@link #toEpochMillis()}: empty or absent means never. */
    public static Expiry ofEpochMillis(String millis) {
        return millis == null || millis.isEmpty() ? NEVER : new Expiry(Instant.ofEpochMilli(Long.parseLong(millis)));
    }

    public boolean never() {
        return at == null;
    }

    public Optional<Instant> instant() {
        return Optional.ofNullable(at);
    }

    public boolean passed(Instant now) {
        return at != null && !now.isBefore(at);
    }

    /** Milliseconds since the epoch, or an empty string for never. */
    public String toEpochMillis() {
        return at == null ? "" : Long.toString(at.toEpochMilli());
    }

    @Override
    public String toString() {
        return at == null ? "never expires" : "expires " + at;
    }
}
