package dev.callcodes.catalog.report;

import java.text.ParsePosition;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;

/**
 * Reads the start times reports write: ISO 8601 with or without an offset (Graph, ACS, CSV exports), a space
 * instead of the 'T', and the admin center's US display format ("5/3/2024, 2:22:10 PM"). Times without an offset
 * are taken as UTC, which is what exports write. Graph's 0001-01-01 placeholder means "no time".
 */
final class Times {

    private static final DateTimeFormatter ISO_LOCAL = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .toFormatter(Locale.ROOT);

    private static final List<DateTimeFormatter> DISPLAY = List.of(
            DateTimeFormatter.ofPattern("M/d/yyyy, h:mm:ss a", Locale.US),
            DateTimeFormatter.ofPattern("M/d/yyyy h:mm:ss a", Locale.US),
            DateTimeFormatter.ofPattern("M/d/yyyy, h:mm a", Locale.US),
            DateTimeFormatter.ofPattern("M/d/yyyy H:mm:ss", Locale.US),
            DateTimeFormatter.ofPattern("d.M.yyyy H:mm:ss", Locale.ROOT));

    /** A hint shared by all threads; a stale value only costs a retry. */
    private static volatile int lastDisplayFormat;

    private Times() {
    }

    /** The instant, or null when the text is not a time this reads (or is the 0001 placeholder). */
    static Instant parse(String text) {
        if (text == null || text.length() < 10) {
            return null;
        }
        String value = text.strip();
        Instant instant = Character.isDigit(value.charAt(0)) && value.length() > 4 && value.charAt(4) == '-'
                ? iso(value) : display(value);
        return instant == null || instant.atOffset(ZoneOffset.UTC).getYear() < 1900 ? null : instant;
    }

    /** Exceptions are slow and a report has 100,000 rows: the parser is picked by looking, not by trying. */
    private static Instant iso(String value) {
        try {
            return hasOffset(value)
                    ? OffsetDateTime.parse(value.replace(' ', 'T')).toInstant()
                    : LocalDateTime.parse(value, ISO_LOCAL).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException notIso) {
            return null;
        }
    }

    private static boolean hasOffset(String value) {
        int n = value.length();
        char last = value.charAt(n - 1);
        return last == 'Z' || last == 'z'
                || n > 6 && (value.charAt(n - 6) == '+' || value.charAt(n - 6) == '-') && value.charAt(n - 3) == ':';
    }

    /** Rows of one report share a format: the last one that worked is tried first. */
    private static Instant display(String value) {
        String normalized = value.replace('\u202F', ' ').replace('\u00A0', ' ');
        int first = lastDisplayFormat;
        for (int i = 0; i < DISPLAY.size(); i++) {
            int index = (first + i) % DISPLAY.size();
            ParsePosition position = new ParsePosition(0);
            TemporalAccessor parsed = DISPLAY.get(index).parseUnresolved(normalized, position);
            if (parsed == null || position.getErrorIndex() >= 0 || position.getIndex() != normalized.length()) {
                continue;
            }
            try {
                LocalDateTime local = LocalDateTime.parse(normalized, DISPLAY.get(index));
                lastDisplayFormat = index;
                return local.toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException invalidDate) {
                return null;
            }
        }
        return null;
    }
}
