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
                ? isoFast(value) : display(value);
        return instant == null || instant.atOffset(ZoneOffset.UTC).getYear() < 1900 ? null : instant;
    }

    /**
     * "2024-05-03T14:22:10Z", "2024-05-03 14:22:10.1234567" and the like, read by hand: java.time's parser builds maps
     * for every value, and a report has 100,000 of them. Anything unusual goes to {@link #iso}.
     */
    private static Instant isoFast(String v) {
        int n = v.length();
        if (n < 19 || v.charAt(7) != '-' || v.charAt(10) != 'T' && v.charAt(10) != ' '
                || v.charAt(13) != ':' || v.charAt(16) != ':') {
            return iso(v);
        }
        int year = digits(v, 0, 4);
        int month = digits(v, 5, 7);
        int day = digits(v, 8, 10);
        int hour = digits(v, 11, 13);
        int minute = digits(v, 14, 16);
        int second = digits(v, 17, 19);
        int i = 19;
        long nanos = 0;
        if (i < n && v.charAt(i) == '.') {
            int scale = 100_000_000;
            for (i++; i < n && Character.isDigit(v.charAt(i)); i++) {
                nanos += (v.charAt(i) - '0') * (long) scale;
                scale /= 10;
            }
        }
        boolean utc = i == n || i == n - 1 && (v.charAt(i) == 'Z' || v.charAt(i) == 'z');
        if (!utc || year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59
                || second > 59) {
            return iso(v);
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second, (int) nanos).toInstant(ZoneOffset.UTC);
        } catch (java.time.DateTimeException invalidDate) {
            return null;
        }
    }

    /** The number in v[from, to), or -1 when it is not all digits. */
    private static int digits(String v, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + c - '0';
        }
        return value;
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
