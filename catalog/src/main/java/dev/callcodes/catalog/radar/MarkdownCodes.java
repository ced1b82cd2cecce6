package dev.callcodes.catalog.radar;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** Reads code pairs out of Microsoft's markdown: per-SIP-code page headings, tables, and an index's page links. */
final class MarkdownCodes {

    private static final Set<String> SUBCODE_HEADERS = Set.of("subcode", "subcodes", "participantendsubcode",
            "callendsubreason", "microsoftresponsecode");
    private static final Set<String> CODE_HEADERS = Set.of("code", "statuscode", "sipcode", "participantendreason",
            "sipresponsecode");
    private static final Set<String> PHRASE_HEADERS = Set.of("message", "description", "terminationreason", "phrase",
            "reason");

    private MarkdownCodes() {
    }

    /** '## 569008 504 Unable to deliver INVITE: ...' headings: the Teams Direct Routing per-SIP-code pages. */
    static List<PublishedRow> headings(String text, String page) {
        List<PublishedRow> rows = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (!line.startsWith("## ")) {
                continue;
            }
            String[] parts = line.substring(3).strip().split("\\s+", 3);
            if (parts.length == 3 && isDigits(parts[0]) && isDigits(parts[1]) && parts[1].length() == 3) {
                rows.add(new PublishedRow(parts[0], Integer.valueOf(parts[1]), clean(parts[2]), page, i + 1));
            }
        }
        return rows;
    }

    /**
     * Rows of every markdown table with a message column and a subcode or code column (or both). A code cell may
     * hold several codes ("540000/560000"): one row each. Rows whose code cells are not numbers are left out.
     */
    static List<PublishedRow> tables(String text, String page) {
        List<PublishedRow> rows = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i + 1 < lines.length; i++) {
            if (!isRow(lines[i]) || !isSeparator(lines[i + 1])) {
                continue;
            }
            List<String> header = cells(lines[i]).stream().map(MarkdownCodes::headerKey).toList();
            int sub = indexOf(header, SUBCODE_HEADERS);
            int code = indexOf(header, CODE_HEADERS);
            int phrase = indexOf(header, PHRASE_HEADERS);
            int j = i + 2;
            for (; j < lines.length && isRow(lines[j]); j++) {
                if (phrase < 0 || sub < 0 && code < 0) {
                    continue;
                }
                List<String> cells = cells(lines[j]);
                if (cells.size() <= Math.max(phrase, Math.max(sub, code))) {
                    continue;
                }
                List<String> subs = sub < 0 ? Arrays.asList((String) null) : codes(cells.get(sub));
                List<String> sips = code < 0 ? Arrays.asList((String) null) : codes(cells.get(code));
                String text1 = clean(cells.get(phrase));
                if (subs.isEmpty() || sips.isEmpty() || text1.isEmpty()) {
                    continue;
                }
                for (String s : subs) {
                    for (String c : sips) {
                        rows.add(new PublishedRow(s, c == null ? null : Integer.valueOf(c), text1, page, j + 1));
                    }
                }
            }
            i = j - 1;
        }
        return rows;
    }

    /** The SIP codes of the per-SIP-code pages an index page links to ('microsoft-sip-response-codes-403.md'). */
    static Set<Integer> linkedSipPages(String text, String prefix) {
        Set<Integer> codes = new TreeSet<>();
        int at = text.indexOf(prefix);
        while (at >= 0) {
            int start = at + prefix.length();
            if (start + 3 <= text.length() && isDigits(text.substring(start, start + 3))
                    && (start + 3 == text.length() || !Character.isDigit(text.charAt(start + 3)))) {
                codes.add(Integer.valueOf(text.substring(start, start + 3)));
            }
            at = text.indexOf(prefix, start);
        }
        return codes;
    }

    /** Markup removed: line breaks, bold, code spans; white space collapsed. */
    static String clean(String cell) {
        String text = cell.replace("<br/>", " ").replace("<br />", " ").replace("<br>", " ")
                .replace("**", "").replace("`", "");
        return text.strip().replaceAll("\\s+", " ");
    }

    private static List<String> codes(String cell) {
        String text = clean(cell);
        if (text.isEmpty()) {
            return List.of();
        }
        List<String> codes = new ArrayList<>();
        for (String part : text.split("\\s*[/,]\\s*")) {
            if (!isDigits(part)) {
                return List.of();
            }
            codes.add(part);
        }
        return codes;
    }

    private static boolean isRow(String line) {
        return line.strip().startsWith("|");
    }

    private static boolean isSeparator(String line) {
        String s = line.strip();
        return s.startsWith("|") && s.contains("-") && s.chars().allMatch(c -> "|-: \t".indexOf(c) >= 0);
    }

    private static List<String> cells(String line) {
        String s = line.strip();
        if (s.startsWith("|")) {
            s = s.substring(1);
        }
        if (s.endsWith("|")) {
            s = s.substring(0, s.length() - 1);
        }
        return Arrays.stream(s.split("\\|", -1)).map(String::strip).toList();
    }

    private static String headerKey(String cell) {
        return clean(cell).toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
    }

    private static int indexOf(List<String> header, Set<String> names) {
        for (int i = 0; i < header.size(); i++) {
            if (names.contains(header.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isDigits(String s) {
        return !s.isEmpty() && s.length() <= 9 && s.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
