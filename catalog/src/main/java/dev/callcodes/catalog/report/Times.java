package dev.callcodes.catalog.report;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Reads the start times reports write: ISO 8601 with or without an offset (Graph, ACS, CSV exports), a space
 * instead of the 'T', and the admin center's display formats in every language: "5/3/2024, 2:22:10 PM" (US, month
 * first), "03/05/2024 14:22:10" (French, day first), "03.05.2024 14:22" (German). A numeric date whose order the
 * text alone does not tell is read both ways; the report decides which from the other dates and the header's
 * language ({@link Reading}). Times without an offset are taken as UTC, which is what exports write. Graph's
 * 0001-01-01 placeholder means "no time".
 */
final class Times {

    /** What a date says about the order its fields are written in. */
    enum Evidence {
        /** ISO (year first), or day and month equal: one reading. */
        NONE,
        /** Only month first makes a date: 5/13/2024. */
        MONTH_FIRST,
        /** Only day first makes a date, or the writer's convention says so (dots: 13.05.2024). */
        DAY_FIRST,
        /** Both orders make a date (03/05/2024): the two readings differ. */
        AMBIGUOUS
    }

    /** A time read both ways: the same instant twice when the text is unambiguous. */
    record Reading(Instant monthFirst, Instant dayFirst, Evidence evidence) {
    }

    private static final DateTimeFormatter ISO_LOCAL = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .toFormatter(Locale.ROOT);

    private Times() {
    }

    /** The instant of an unambiguous (or month-first) time, or null; for callers without a report around. */
    static Instant parse(String text) {
        Reading reading = read(text);
        if (reading == null) {
            return null;
        }
        return reading.evidence() == Evidence.DAY_FIRST ? reading.dayFirst() : reading.monthFirst();
    }

    /** Both readings of the time, or null when the text is not a time this reads (or is the 0001 placeholder). */
    static Reading read(String text) {
        if (text == null || text.length() < 8 || text.length() > 64) {
            return null;
        }
        String value = text.strip();
        if (value.length() > 4 && Character.isDigit(value.charAt(0)) && value.charAt(4) == '-') {
            Instant instant = isoFast(value);
            return instant == null || tooEarly(instant) ? null : new Reading(instant, instant, Evidence.NONE);
        }
        return display(value.replace('\u202F', ' ').replace('\u00A0', ' '));
    }

    private static boolean tooEarly(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC).getYear() < 1900;
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

    /**
     * "5/3/2024, 2:22:10 PM", "03/05/2024 14:22:10", "03.05.2024 14:22", "3-5-24": day, month and year as numbers
     * in either order, then an optional time with an optional AM/PM. Read by hand: exceptions are slow and a
     * report has 100,000 rows.
     */
    private static Reading display(String v) {
        int[] pos = {0};
        int a = number(v, pos, 2);
        if (a < 0 || pos[0] >= v.length()) {
            return null;
        }
        char separator = v.charAt(pos[0]);
        if (separator != '/' && separator != '.' && separator != '-') {
            return null;
        }
        pos[0]++;
        int b = number(v, pos, 2);
        if (b < 0 || pos[0] >= v.length() || v.charAt(pos[0]) != separator) {
            return null;
        }
        pos[0]++;
        int yearStart = pos[0];
        int year = number(v, pos, 4);
        if (year < 0) {
            return null;
        }
        if (pos[0] - yearStart == 2) {
            year += 2000;
        } else if (pos[0] - yearStart != 4) {
            return null;
        }
        int hour = 0;
        int minute = 0;
        int second = 0;
        int i = pos[0];
        while (i < v.length() && (v.charAt(i) == ',' || v.charAt(i) == ' ' || v.charAt(i) == 'T')) {
            i++;
        }
        if (i < v.length()) {
            pos[0] = i;
            hour = number(v, pos, 2);
            if (hour < 0 || pos[0] >= v.length() || v.charAt(pos[0]) != ':') {
                return null;
            }
            pos[0]++;
            minute = number(v, pos, 2);
            if (minute < 0) {
                return null;
            }
            if (pos[0] < v.length() && v.charAt(pos[0]) == ':') {
                pos[0]++;
                second = number(v, pos, 2);
                if (second < 0) {
                    return null;
                }
                while (pos[0] < v.length() && (v.charAt(pos[0]) == '.' || v.charAt(pos[0]) == ','
                        || Character.isDigit(v.charAt(pos[0])))) {
                    pos[0]++;
                }
            }
            String rest = v.substring(pos[0]).strip().toLowerCase(Locale.ROOT).replace(".", "");
            if (rest.equals("pm") || rest.equals("nachm")) {
                if (hour < 1 || hour > 12) {
                    return null;
                }
                hour = hour % 12 + 12;
            } else if (rest.equals("am") || rest.equals("vorm")) {
                if (hour < 1 || hour > 12) {
                    return null;
                }
                hour = hour % 12;
            } else if (!rest.isEmpty() && !rest.equals("z") && !rest.equals("utc") && !rest.equals("gmt")) {
                return null;
            }
        }
        Instant monthFirst = instant(year, a, b, hour, minute, second);
        Instant dayFirst = instant(year, b, a, hour, minute, second);
        if (monthFirst == null && dayFirst == null) {
            return null;
        }
        if (monthFirst == null || separator == '.' && dayFirst != null) {
            return new Reading(dayFirst, dayFirst, Evidence.DAY_FIRST);
        }
        if (dayFirst == null) {
            return new Reading(monthFirst, monthFirst, Evidence.MONTH_FIRST);
        }
        return monthFirst.equals(dayFirst) ? new Reading(monthFirst, dayFirst, Evidence.NONE)
                : new Reading(monthFirst, dayFirst, Evidence.AMBIGUOUS);
    }

    private static Instant instant(int year, int month, int day, int hour, int minute, int second) {
        if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59 || year < 1900) {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second).toInstant(ZoneOffset.UTC);
        } catch (java.time.DateTimeException invalidDate) {
            return null;
        }
    }

    /** Up to {@code maxDigits} digits at pos[0], advancing it; -1 when there are none. */
    private static int number(String v, int[] pos, int maxDigits) {
        int value = 0;
        int start = pos[0];
        int i = start;
        while (i < v.length() && i - start < maxDigits && Character.isDigit(v.charAt(i))) {
            value = value * 10 + v.charAt(i) - '0';
            i++;
        }
        if (i == start || i < v.length() && Character.isDigit(v.charAt(i))) {
            return -1;
        }
        pos[0] = i;
        return value;
    }
}
