package dev.callcodes.catalog.intake;

import java.util.List;
import java.util.Set;

/**
 * Marks the spans of a line whose digits are never codes: URIs, e-mail and SIP addresses, GUIDs and long hex runs,
 * IP addresses and ports, dates, times, versions and decimals, phone numbers, month-name dates, counts and sizes
 * ("5 calls", "30 s", "x5"), and numbers named as something else ("ticket 54321", "cause=16", "port 5061").
 *
 * <p>Every scanner is a single left-to-right pass that never re-reads what it has passed, so a line costs time in
 * proportion to its length whatever it holds: no regular expression, no backtracking, no recursion. The input is
 * folded text (lower case), as {@link dev.callcodes.catalog.Phrases#foldAll} makes it.
 */
final class NoiseMask {

    /** A run of non-space characters longer than this is an opaque token (base64, a long URL): never a code context. */
    static final int MAX_TOKEN = 64;
    /** Q.850 causes run from 1 to 127. */
    static final int MAX_Q850_CAUSE = 127;

    private static final Set<String> MONTHS = Set.copyOf(List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
            "sept", "oct", "nov", "dec", "january", "february", "march", "april", "june", "july", "august",
            "september", "october", "november", "december", "janv", "fevr", "avr", "mai", "juin", "juil", "aout",
            "janvier", "fevrier", "mars", "avril", "juillet", "septembre", "octobre", "novembre", "decembre", "ene",
            "abr", "ago", "dic", "enero", "febrero", "marzo", "mayo", "junio", "julio", "agosto", "septiembre",
            "octubre", "noviembre", "diciembre", "januar", "februar", "marz", "juni", "juli", "okt", "dez", "dezember",
            "oktober", "gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "settembre", "ottobre",
            "dicembre", "fev", "out", "set", "janeiro", "fevereiro", "marco", "maio", "junho", "julho", "setembro",
            "outubro", "novembro", "dezembro", "mei", "maart", "augustus"));

    /** Words after a number that make it a count, a size or a duration ("503 errors" stays a code). */
    private static final Set<String> UNITS = Set.copyOf(List.of("call", "calls", "time", "times", "attempt", "attempts", "tries",
            "row", "rows", "record", "records", "line", "lines", "user", "users", "people", "agent", "agents",
            "device", "devices", "phone", "phones", "site", "sites", "sbc", "sbcs", "trunk", "trunks", "channel",
            "channels", "session", "sessions", "minute", "minutes", "min", "mins", "second", "seconds", "sec", "secs",
            "ms", "s", "hour", "hours", "hr", "hrs", "h", "day", "days", "d", "week", "weeks", "month", "months",
            "year", "years", "yr", "yrs", "percent", "occurrence", "occurrences", "instance", "instances", "x", "kb",
            "mb", "gb", "byte", "bytes", "kbps", "mbps", "hz", "khz", "licenses", "license", "seats", "numbers",
            "customers", "tenants", "employees", "locations", "offices", "ports", "gbps", "px", "pt", "chars",
            "characters", "messages", "requests", "retries", "items", "entries", "pages", "steps", "sec.", "tickets"));

    private NoiseMask() {
    }

    /** Marks every noise span of the folded line in {@code mask} (same length as the line). */
    static void mask(String line, boolean[] mask, FieldLabels labels) {
        attachmentLinks(line, mask);
        tokens(line, mask);
        phoneNumbers(line, mask);
        monthDates(line, mask);
        countsAndNamedNumbers(line, mask, labels);
    }

    /**
     * Whitespace-separated tokens (commas, semicolons and pipes also separate them) that cannot hold a code as a
     * whole, or hold spans that cannot: URIs, addresses, GUIDs, hex, IPs, dates, times, versions.
     */
    private static void tokens(String s, boolean[] mask) {
        int n = s.length();
        int i = 0;
        while (i < n) {
            while (i < n && isTokenBreak(s.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !isTokenBreak(s.charAt(i))) {
                i++;
            }
            if (i > start) {
                token(s, start, i, mask);
            }
        }
    }

    /** "[sip server 500 tst call issue.zip](https://...)": the name of an attached file, not prose. */
    private static void attachmentLinks(String s, boolean[] mask) {
        for (int close = s.indexOf("]("); close > 0; close = s.indexOf("](", close + 2)) {
            int open = s.lastIndexOf('[', close);
            if (open < 0 || close - open > 200) {
                continue;
            }
            int dot = s.lastIndexOf('.', close);
            if (dot > open && close - dot >= 3 && close - dot <= 5
                    && s.substring(dot + 1, close).chars().allMatch(Character::isLetterOrDigit)) {
                fill(mask, open, close);
            }
        }
    }

    private static boolean isTokenBreak(char c) {
        return c == ' ' || c == '\t' || c == ',' || c == ';' || c == '|' || c == '\n' || c == '\r';
    }

    private static void token(String s, int start, int end, boolean[] mask) {
        if (end - start > MAX_TOKEN) {
            fill(mask, start, end);
            return;
        }
        int first = start;
        while (first < end && "<([{\"'".indexOf(s.charAt(first)) >= 0) {
            first++;
        }
        if (contains(s, start, end, "@") || contains(s, start, end, "://") || startsWithScheme(s, first, end)) {
            fill(mask, start, end);
            return;
        }
        hexRuns(s, start, end, mask);
        joinedNumbers(s, start, end, mask);
        hostPorts(s, first, end, mask);
    }

    /** "sip.pstnhub.microsoft.com:5061", "sbc1:5067": the port after a host name. */
    private static void hostPorts(String s, int start, int end, boolean[] mask) {
        boolean letter = false;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (Character.isLetter(c)) {
                letter = true;
            } else if (c == ':' && letter && i + 1 < end && isDigit(s.charAt(i + 1)) && i > start
                    && (Character.isLetterOrDigit(s.charAt(i - 1))) && hasDot(s, start, i)) {
                int j = i + 1;
                while (j < end && isDigit(s.charAt(j))) {
                    j++;
                }
                fill(mask, i + 1, j);
                i = j - 1;
            }
        }
    }

    private static boolean hasDot(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == '.') {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWithScheme(String s, int from, int end) {
        for (String scheme : new String[] {"sip:", "sips:", "tel:", "urn:", "mailto:", "www."}) {
            if (end - from >= scheme.length() && s.startsWith(scheme, from)) {
                return true;
            }
        }
        return false;
    }

    /**
     * GUIDs, correlation IDs and other hex runs of 8 or more characters that mix letters and digits, with the
     * dashes between their groups; and 0x-prefixed hex values.
     */
    private static void hexRuns(String s, int start, int end, boolean[] mask) {
        int i = start;
        while (i < end) {
            if (s.charAt(i) == '0' && i + 1 < end && s.charAt(i + 1) == 'x' && (i == start || !isHex(s.charAt(i - 1)))) {
                int j = i + 2;
                while (j < end && isHex(s.charAt(j))) {
                    j++;
                }
                fill(mask, i, j);
                i = j;
                continue;
            }
            if (!isHex(s.charAt(i))) {
                i++;
                continue;
            }
            int runStart = i;
            int hexChars = 0;
            boolean letter = false;
            boolean digit = false;
            while (i < end && (isHex(s.charAt(i)) || s.charAt(i) == '-' && i + 1 < end && isHex(s.charAt(i + 1))
                    && hexChars > 0)) {
                char c = s.charAt(i);
                if (c != '-') {
                    hexChars++;
                    letter |= c >= 'a' && c <= 'f';
                    digit |= c >= '0' && c <= '9';
                }
                i++;
            }
            boolean boundedBefore = runStart == start || !Character.isLetterOrDigit(s.charAt(runStart - 1));
            boolean boundedAfter = i == end || !Character.isLetterOrDigit(s.charAt(i));
            if (hexChars >= 8 && letter && digit && boundedBefore && boundedAfter) {
                fill(mask, runStart, i);
            }
            if (i < end && !isHex(s.charAt(i))) {
                i++;
            }
        }
    }

    /**
     * Digit groups joined by '.', ':' or '/' and '-' more than once: IPv4 with a port, IPv6, dates (2024-11-20,
     * 11/20/2024, 20.11.2024), times (10:45:03), versions (7.40.403), decimals (3.5). Two groups joined by one '/'
     * or '-' stay: "510559/403" and "510559-403" are pairs.
     */
    private static void joinedNumbers(String s, int start, int end, boolean[] mask) {
        int i = start;
        while (i < end) {
            if (!isDigit(s.charAt(i)) && !(isHex(s.charAt(i)) && hasColonAhead(s, i, end))) {
                i++;
                continue;
            }
            int runStart = i;
            int groups = 0;
            int dots = 0;
            int colons = 0;
            int slashesOrDashes = 0;
            while (i < end) {
                int groupStart = i;
                while (i < end && (isDigit(s.charAt(i)) || colons > 0 && isHex(s.charAt(i)))) {
                    i++;
                }
                if (i == groupStart && !(colons > 0 && i < end && s.charAt(i) == ':')) {
                    break;
                }
                groups++;
                if (i + 1 < end && (isDigit(s.charAt(i + 1)) || s.charAt(i) == ':' && isHex(s.charAt(i + 1))
                        || s.charAt(i) == ':' && s.charAt(i + 1) == ':')) {
                    char joiner = s.charAt(i);
                    if (joiner == '.') {
                        dots++;
                    } else if (joiner == ':') {
                        colons++;
                    } else if (joiner == '/' || joiner == '-') {
                        slashesOrDashes++;
                    } else {
                        break;
                    }
                    i++;
                    continue;
                }
                break;
            }
            if (groups >= 2 && (dots > 0 || colons > 0 || slashesOrDashes >= 2)) {
                fill(mask, runStart, i);
            }
            if (i == runStart) {
                i++;
            }
        }
    }

    private static boolean hasColonAhead(String s, int i, int end) {
        int j = i;
        while (j < end && j - i < 4 && isHex(s.charAt(j))) {
            j++;
        }
        return j < end && s.charAt(j) == ':' && j > i && (i == 0 || !Character.isLetterOrDigit(s.charAt(i - 1)));
    }

    /**
     * Phone numbers written in groups: "+1 (425) 555-0199", "+44 20 7123 4567", "(425) 555-0199", "425-555-0100",
     * "425.555.0101", "425 555 0102". Runs of seven or more digits are phone numbers too.
     */
    private static void phoneNumbers(String s, boolean[] mask) {
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            boolean plus = c == '+' && i + 1 < n && isDigit(s.charAt(i + 1));
            boolean open = c == '(' && i + 1 < n && isDigit(s.charAt(i + 1));
            if (!plus && !open && !(isDigit(c) && (i == 0 || !Character.isLetterOrDigit(s.charAt(i - 1))))) {
                i++;
                continue;
            }
            int start = i;
            int j = plus || open ? i + 1 : i;
            int digits = 0;
            int groups = 0;
            int longestGroup = 0;
            int lastGroup = 0;
            int separator = 0;
            while (j < n && j - start < 26) {
                char d = s.charAt(j);
                if (isDigit(d)) {
                    int g = j;
                    while (j < n && isDigit(s.charAt(j))) {
                        j++;
                    }
                    groups++;
                    lastGroup = j - g;
                    longestGroup = Math.max(longestGroup, lastGroup);
                    digits += lastGroup;
                    separator = 0;
                    continue;
                }
                if ((d == ' ' || d == '-' || d == '.' || d == '(' || d == ')') && separator < 2) {
                    separator++;
                    j++;
                    continue;
                }
                break;
            }
            int end = j;
            while (end > start && !isDigit(s.charAt(end - 1))) {
                end--;
            }
            boolean grouped = groups >= 3 && longestGroup <= 4 && lastGroup == 4 && digits >= 10 && digits <= 15;
            boolean international = plus && digits >= 7;
            boolean longRun = groups == 1 && digits >= 7 && (end == n || !Character.isLetterOrDigit(s.charAt(end)));
            boolean national = open && groups >= 3 && digits >= 10;
            if (grouped || international || longRun || national) {
                fill(mask, start, end);
                i = end;
            } else {
                i = plus || open ? i + 1 : Math.max(i + 1, skipDigits(s, i));
            }
        }
    }

    /** "Nov 20, 2024", "20 November 2024", "20th Nov": the day and the year. */
    private static void monthDates(String s, boolean[] mask) {
        int n = s.length();
        int i = 0;
        while (i < n) {
            if (!Character.isLetter(s.charAt(i)) || i > 0 && Character.isLetterOrDigit(s.charAt(i - 1))) {
                i++;
                continue;
            }
            int wordStart = i;
            while (i < n && Character.isLetter(s.charAt(i))) {
                i++;
            }
            if (i - wordStart > 9 || !MONTHS.contains(s.substring(wordStart, i))) {
                continue;
            }
            int after = i < n && s.charAt(i) == '.' ? i + 1 : i;
            // month then day [, year]
            int day = skipSpaces(s, after);
            int dayEnd = skipDigits(s, day);
            if (dayEnd > day && dayEnd - day <= 2) {
                int end = skipOrdinal(s, dayEnd);
                fill(mask, day, end);
                int year = skipSpaces(s, end < n && s.charAt(end) == ',' ? end + 1 : end);
                int yearEnd = skipDigits(s, year);
                if (yearEnd - year == 4) {
                    fill(mask, year, yearEnd);
                }
            } else if (dayEnd - day == 4) {
                fill(mask, day, dayEnd);
            }
            // day then month
            int before = wordStart - 1;
            while (before >= 0 && s.charAt(before) == ' ') {
                before--;
            }
            int ordinalEnd = before + 1;
            while (before >= 0 && Character.isLetter(s.charAt(before)) && ordinalEnd - before <= 2) {
                before--;
            }
            int digitsEnd = before + 1;
            while (before >= 0 && isDigit(s.charAt(before))) {
                before--;
            }
            if (digitsEnd - (before + 1) >= 1 && digitsEnd - (before + 1) <= 2 && (before < 0
                    || !Character.isLetterOrDigit(s.charAt(before)))) {
                fill(mask, before + 1, digitsEnd);
                int year = skipSpaces(s, after < n && s.charAt(after) == ',' ? after + 1 : after);
                int yearEnd = skipDigits(s, year);
                if (yearEnd - year == 4) {
                    fill(mask, year, yearEnd);
                }
            }
        }
    }

    /**
     * Numbers that count or measure ("5 calls", "30 s", "40%", "x5", "×5", "#5") and numbers named as something that
     * is not a code: a name listed under notCodes ("ticket 54321", "cause=16", "CSeq: 403"), and the ranges that
     * follow a port name ("ports 5060-5061, 5062 and 5063").
     */
    private static void countsAndNamedNumbers(String s, boolean[] mask, FieldLabels labels) {
        int n = s.length();
        int i = 0;
        while (i < n) {
            if (!isDigit(s.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            int end = skipDigits(s, i);
            i = end;
            if (start > 0 && Character.isLetterOrDigit(s.charAt(start - 1)) && !isMultiplier(s, start)) {
                continue;
            }
            if (isMultiplier(s, start) || followedByUnit(s, end)) {
                fill(mask, start, end);
                continue;
            }
            String name = LabelLookback.nameBefore(s, start, labels);
            boolean notAFailureCode = end - start != 3 || Integer.parseInt(s.substring(start, end)) < 300;
            boolean cause = name != null && (name.equals("cause") || name.equals("causa"));
            if (name != null && labels.isNotCodes(name) && (!cause || notAFailureCode)) {
                // "cause=16" is a Q.850 cause; Asterisk's "Cause: 488" is past the Q.850 range: a SIP code
                fill(mask, start, end);
                if (name.equals("port") || name.equals("ports")) {
                    i = maskRanges(s, end, mask);
                }
            }
        }
    }

    /** "x5", "× 5", "#5": a count or a number sign. A Markdown heading ("## 510532 403") is not. */
    private static boolean isMultiplier(String s, int digitStart) {
        int p = digitStart - 1;
        if (p >= 0 && s.charAt(p) == '#') {
            return p == 0 || s.charAt(p - 1) != '#' && !Character.isLetterOrDigit(s.charAt(p - 1));
        }
        if (p >= 0 && s.charAt(p) == ' ') {
            p--;
        }
        if (p < 0) {
            return false;
        }
        char c = s.charAt(p);
        return (c == 'x' || c == '\u00d7') && (p == 0 || !Character.isLetterOrDigit(s.charAt(p - 1)));
    }

    /**
     * "5 calls", "30 s", "40%", and with one word between, "500 concurrent calls" or "20 failed calls"; "503 errors"
     * stays a code.
     */
    private static boolean followedByUnit(String s, int end) {
        int n = s.length();
        if (end < n && s.charAt(end) == '%') {
            return true;
        }
        if (end < n && s.charAt(end) == 'x') {
            // "3x" is three times; "18x", "5xx" and "560xxx" name a family of codes
            int x = end;
            while (x < n && s.charAt(x) == 'x') {
                x++;
            }
            int digits = end - digitRunStart(s, end);
            if ((x == n || !Character.isLetterOrDigit(s.charAt(x))) && (digits + x - end == 3 || digits + x - end == 6)) {
                return false;
            }
        }
        int w = end < n && s.charAt(end) == ' ' ? end + 1 : end;
        String first = wordAt(s, w);
        if (first == null) {
            return false;
        }
        if (w == end && first.equals("s") && end - digitRunStart(s, end) == 3) {
            // "503s" are SIP 503 responses; "30s" are seconds
            return false;
        }
        if (UNITS.contains(first)) {
            // "1 call", "5 minute wait": a singular count noun after a three-digit number is more likely the code's
            // own reason phrase ("422 Session Interval Too Small", "481 Call/Transaction Does Not Exist")
            return !(SINGULAR_NOUNS.contains(first) && end - digitRunStart(s, end) == 3);
        }
        int next = w + first.length();
        String second = next < n && s.charAt(next) == ' ' ? wordAt(s, next + 1) : null;
        return second != null && COUNTED.contains(second) && !first.equals("sip");
    }

    private static int digitRunStart(String s, int end) {
        int i = end;
        while (i > 0 && isDigit(s.charAt(i - 1)) && end - i < 12) {
            i--;
        }
        return i;
    }

    /** The lower-case word of letters at {@code i} (at most 12), or null when none starts there or it runs on. */
    private static String wordAt(String s, int i) {
        int end = i;
        while (end < s.length() && Character.isLetter(s.charAt(end)) && end - i <= 12) {
            end++;
        }
        if (end == i || end < s.length() && Character.isLetterOrDigit(s.charAt(end))) {
            return null;
        }
        return s.substring(i, end);
    }

    private static final Set<String> SINGULAR_NOUNS = Set.copyOf(List.of("call", "time", "attempt", "row", "record",
            "line", "user", "agent", "device", "phone", "site", "trunk", "channel", "session", "minute", "second", "hour",
            "day", "week", "month", "year", "instance", "occurrence", "license", "request"));

    /** What people count with a word before it ("500 concurrent calls", "30 active users"). */
    private static final Set<String> COUNTED = Set.copyOf(List.of("call", "calls", "users", "user", "devices",
            "phones", "agents", "sessions", "channels", "licenses", "seats", "sites", "numbers", "minutes", "seconds",
            "hours", "days"));

    /** After "port(s)": "5060-5061, 5062 and 5063 to 5065". Returns where the ranges end. */
    private static int maskRanges(String s, int from, boolean[] mask) {
        int n = s.length();
        int i = from;
        while (i < n) {
            int j = i;
            while (j < n && (s.charAt(j) == ' ' || s.charAt(j) == ',' || s.charAt(j) == '-' || s.charAt(j) == '/')) {
                j++;
            }
            if (s.startsWith("and ", j)) {
                j += 4;
            } else if (s.startsWith("to ", j)) {
                j += 3;
            } else if (s.startsWith("or ", j)) {
                j += 3;
            }
            while (j < n && s.charAt(j) == ' ') {
                j++;
            }
            int digitsEnd = skipDigits(s, j);
            if (digitsEnd == j || j == i) {
                return i;
            }
            fill(mask, j, digitsEnd);
            i = digitsEnd;
        }
        return i;
    }

    private static int skipOrdinal(String s, int i) {
        for (String suffix : new String[] {"st", "nd", "rd", "th"}) {
            if (s.startsWith(suffix, i)) {
                return i + 2;
            }
        }
        return i;
    }

    private static int skipSpaces(String s, int i) {
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    private static int skipDigits(String s, int i) {
        while (i < s.length() && isDigit(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Looks only inside [start, end): a search to the end of the line per token would be quadratic. */
    private static boolean contains(String s, int start, int end, String part) {
        for (int i = start; i + part.length() <= end; i++) {
            if (s.startsWith(part, i)) {
                return true;
            }
        }
        return false;
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isHex(char c) {
        return isDigit(c) || c >= 'a' && c <= 'f';
    }

    static void fill(boolean[] mask, int start, int end) {
        for (int i = Math.max(0, start); i < end && i < mask.length; i++) {
            mask[i] = true;
        }
    }
}
