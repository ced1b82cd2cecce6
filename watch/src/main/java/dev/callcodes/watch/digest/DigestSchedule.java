package dev.callcodes.watch.digest;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;

/**
 * When a conversation gets its digest: {@code watch digest 08:00 Europe/Berlin} (the zone defaults to UTC). Each
 * digest reports the day before, in that zone.
 */
public record DigestSchedule(LocalTime time, ZoneId zone) {

    /** Reads {@code "08:00 Europe/Berlin"}; the message of a failure names the part that is wrong. */
    public static DigestSchedule parse(String text) {
        String[] parts = text == null ? new String[0] : text.trim().split("\\s+");
        if (parts.length == 0 || parts[0].isEmpty() || parts.length > 2) {
            throw new IllegalArgumentException("give a time and a time zone, e.g. 08:00 Europe/Berlin");
        }
        LocalTime time;
        try {
            time = LocalTime.parse(parts[0].length() == 4 ? "0" + parts[0] : parts[0]);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + parts[0] + "' is not a time of day (use HH:MM, e.g. 08:00)");
        }
        ZoneId zone = ZoneOffset.UTC;
        if (parts.length == 2) {
            try {
                zone = ZoneId.of(parts[1]);
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("'" + parts[1]
                        + "' is not a time zone (use a name such as Europe/Berlin, America/New_York or UTC)");
            }
        }
        return new DigestSchedule(time, zone);
    }

    /** The first digest time strictly after {@code after}. */
    public Instant nextAfter(Instant after) {
        ZonedDateTime local = after.atZone(zone);
        ZonedDateTime candidate = local.toLocalDate().atTime(time).atZone(zone);
        if (!candidate.toInstant().isAfter(after)) {
            candidate = local.toLocalDate().plusDays(1).atTime(time).atZone(zone);
        }
        return candidate.toInstant();
    }

    /** The day a digest sent at {@code at} reports: the day before, in the zone. */
    public LocalDate reportedDay(Instant at) {
        return at.atZone(zone).toLocalDate().minusDays(1);
    }

    @Override
    public String toString() {
        return time + " " + zone.getId();
    }
}
