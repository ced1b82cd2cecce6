package dev.callcodes.catalog.text;

import dev.callcodes.catalog.Catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Codes in prose, labelled fields, header-less rows and SIP traces. Candidates are found first (labelled values,
 * then bare numbers outside {@link Noise}), then neighbours of the two kinds are paired: "510559 403", "403 510559",
 * "510559/403", "Final SIP code: 404, Final Microsoft subcode: 511404".
 */
final class FreeText {

    enum Kind { SIP, MICROSOFT }

    /**
     * A code seen in the text: [start, end) is the label and value, or the bare number. {@code labelled}: named by a
     * label or a SIP status line; {@code standsAlone}: worth a reference even without a partner (a labelled value, a
     * Microsoft code the catalog knows, a Teams-shaped 5xxxxx code), unlike an unknown 5-digit number.
     */
    record Candidate(Kind kind, String value, int start, int end, boolean labelled, boolean standsAlone) {
    }

    /** A phrase given under a phrase label ("Final SIP phrase: ..."). */
    record LabelledPhrase(String phrase, int start, int end) {
    }

    /** Between two codes that belong together: punctuation, spaces and a few joining words. */
    private static final Pattern PAIR_GAP = Pattern.compile(
            "[\\s/\\-,;|:()\\[\\]\"'=*_`]*(?:(?:and|with|sip|code|codes|response|subcode|sub-code|microsoft|ms"
                    + "|reason|status|plus|&)[\\s/\\-,;|:()\\[\\]\"'=*_`]*){0,4}");
    private static final int MAX_PAIR_GAP = 48;
    private static final Pattern STATUS_LINE = Pattern.compile("sip/2\\.0[ \\t]+(\\d{3})(?![0-9])");

    private final Catalog catalog;
    private final Pattern labelledCode;
    private final Pattern labelledPhrase;

    FreeText(Catalog catalog, FieldLabels labels) {
        this.catalog = catalog;
        String separator = "[\"'\\])]*[ \\t]*(?:[:=#][ \\t]*|\\r?\\n[ \\t]*|[:=#][ \\t]*\\r?\\n[ \\t]*)?[\"'\\[(]?[ \\t]*";
        this.labelledCode = Pattern.compile("(?<![a-z0-9])(?:(?<sip>" + labels.alternation(Field.SIP_CODE) + ")|(?<ms>"
                + labels.alternation(Field.MICROSOFT_CODE) + "))(?![a-z0-9])" + separator
                + "(?<value>\\d{1,9})(?![0-9a-z]|[.:]\\d)");
        this.labelledPhrase = Pattern.compile("(?<![a-z0-9])(?:" + labels.alternation(Field.PHRASE) + ")(?![a-z0-9])"
                + "[\"']?[ \\t]*(?:[:=\\t]|\\r?\\n)[ \\t]*(?:\"(?<quoted>[^\"\\n]*)\"|(?<plain>[^\\t\\n]+))");
    }

    /**
     * References in the text, skipping spans already consumed (tables). Labelled phrases are returned through
     * {@code phrases} for the caller to attach.
     */
    List<CodeReference> find(String text, String folded, boolean[] consumed, List<LabelledPhrase> phrases) {
        List<Candidate> candidates = new ArrayList<>();
        boolean[] taken = consumed.clone();
        findLabelledPhrases(text, folded, taken, phrases);
        findLabelled(folded, taken, candidates);
        findStatusLines(folded, taken, candidates);
        Noise.mask(folded, taken);
        findBare(folded, taken, candidates);
        candidates.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return pair(folded, candidates);
    }

    private void findLabelledPhrases(String text, String folded, boolean[] taken, List<LabelledPhrase> phrases) {
        Matcher m = labelledPhrase.matcher(folded);
        while (m.find()) {
            if (taken[m.start()]) {
                continue;
            }
            String group = m.group("quoted") != null ? "quoted" : "plain";
            String phrase = text.substring(m.start(group), m.end(group)).strip();
            if (!phrase.isEmpty()) {
                phrases.add(new LabelledPhrase(phrase, m.start(), m.end()));
            }
            mark(taken, m.start(), m.end());
        }
    }

    private void findLabelled(String folded, boolean[] taken, List<Candidate> out) {
        Matcher m = labelledCode.matcher(folded);
        while (m.find()) {
            if (taken[m.start()] || taken[m.start("value")]) {
                continue;
            }
            String value = m.group("value");
            Candidate candidate = null;
            if (m.group("sip") != null) {
                Integer sip = Codes.sipCode(value);
                if (sip != null) {
                    candidate = new Candidate(Kind.SIP, sip.toString(), m.start(), m.end(), true, true);
                }
            } else {
                candidate = new Candidate(Kind.MICROSOFT, value, m.start(), m.end(), true, true);
            }
            if (candidate != null) {
                out.add(candidate);
                mark(taken, m.start(), m.end());
            }
        }
    }

    /** "SIP/2.0 486 Busy Here": a final response. Provisional 1xx responses are skipped: they never end a call. */
    private static void findStatusLines(String folded, boolean[] taken, List<Candidate> out) {
        Matcher m = STATUS_LINE.matcher(folded);
        while (m.find()) {
            if (taken[m.start()]) {
                continue;
            }
            int code = Integer.parseInt(m.group(1));
            if (code >= 200 && code <= Codes.MAX_SIP_CODE) {
                out.add(new Candidate(Kind.SIP, Integer.toString(code), m.start(1), m.end(1), true, true));
            }
            mark(taken, m.start(), m.end());
        }
    }

    private void findBare(String folded, boolean[] taken, List<Candidate> out) {
        int i = 0;
        int n = folded.length();
        while (i < n) {
            if (!isDigit(folded.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && isDigit(folded.charAt(i))) {
                i++;
            }
            if (anyTaken(taken, start, i) || !standsAlone(folded, start, i)) {
                continue;
            }
            classify(folded.substring(start, i), start, i).ifPresent(out::add);
        }
    }

    private Optional<Candidate> classify(String digits, int start, int end) {
        if (digits.length() > 1 && digits.charAt(0) == '0') {
            return Optional.empty();
        }
        if (digits.length() == 3) {
            int code = Integer.parseInt(digits);
            return code >= 100 && code <= Codes.MAX_SIP_CODE
                    ? Optional.of(new Candidate(Kind.SIP, digits, start, end, false, true))
                    : Optional.empty();
        }
        boolean known = digits.length() >= 4 && catalog.knowsMicrosoftCode(digits);
        boolean teamsShaped = digits.length() == 6 && digits.charAt(0) == '5';
        boolean pairable = digits.length() == 5 || digits.length() == 6;
        if (known || teamsShaped || pairable) {
            return Optional.of(new Candidate(Kind.MICROSOFT, digits, start, end, false, known || teamsShaped));
        }
        return Optional.empty();
    }

    /**
     * A number stands alone when no letter, digit or number-joining character touches it: "sbc1", "v2", "-5",
     * "3.5", "5,000", "$403" and "40%" do not; "510559/403", "(403)" and "510559,403" do. A dash counts as a separator only with
     * space around it ("560420 - 420") or between two codes ("510559-403").
     */
    private static boolean standsAlone(String s, int start, int end) {
        if (start > 0) {
            char before = s.charAt(start - 1);
            if (Character.isLetterOrDigit(before) || "+.$#@_\\:%€£".indexOf(before) >= 0) {
                return false;
            }
            if (before == '-' && start > 1 && Character.isLetter(s.charAt(start - 2))) {
                return false;
            }
            if (before == ',' && end - start == 3 && start > 1 && isDigit(s.charAt(start - 2))
                    && digitRunBefore(s, start - 1) <= 3 && (end == s.length() || s.charAt(end) != ',')) {
                return false;
            }
        }
        if (end < s.length()) {
            char after = s.charAt(end);
            if (Character.isLetterOrDigit(after) || "%_@$€£".indexOf(after) >= 0) {
                return false;
            }
            if ((after == '.' || after == ':') && end + 1 < s.length() && isDigit(s.charAt(end + 1))) {
                return false;
            }
            if (after == ',' && end - start <= 3 && digitRun(s, end + 1) == 3) {
                return false;
            }
            if (after == '-' && end + 1 < s.length() && Character.isLetter(s.charAt(end + 1))) {
                return false;
            }
        }
        return true;
    }

    private List<CodeReference> pair(String folded, List<Candidate> candidates) {
        List<CodeReference> refs = new ArrayList<>();
        List<Candidate> lonelySip = new ArrayList<>();
        boolean[] paired = new boolean[candidates.size()];
        for (int i = 0; i < candidates.size(); i++) {
            if (paired[i]) {
                continue;
            }
            Candidate a = candidates.get(i);
            if (i + 1 < candidates.size() && !paired[i + 1] && belongTogether(folded, a, candidates.get(i + 1))) {
                Candidate b = candidates.get(i + 1);
                paired[i + 1] = true;
                Candidate ms = a.kind() == Kind.MICROSOFT ? a : b;
                Candidate sip = a.kind() == Kind.SIP ? a : b;
                refs.add(CodeReference.pair(ms.value(), Integer.valueOf(sip.value()), a.start()));
            } else if (a.kind() == Kind.SIP) {
                lonelySip.add(a);
            } else if (a.standsAlone()) {
                refs.add(CodeReference.pair(a.value(), null, a.start()));
            }
        }
        for (Candidate sip : lonelySip) {
            if (sip.labelled() || !rowHasPair(folded, sip, refs)) {
                refs.add(CodeReference.pair(null, Integer.valueOf(sip.value()), sip.start()));
            }
        }
        refs.sort((x, y) -> Integer.compare(x.offset(), y.offset()));
        return refs;
    }

    private static boolean belongTogether(String folded, Candidate a, Candidate b) {
        if (a.kind() == b.kind() || b.start() - a.end() > MAX_PAIR_GAP) {
            return false;
        }
        String gap = folded.substring(a.end(), b.start());
        int newlines = (int) gap.chars().filter(c -> c == '\n').count();
        // Across a line break only labelled values pair (the admin center's detail pane: label, value, label, value).
        if (newlines > 1 || newlines == 1 && !(a.labelled() && b.labelled())) {
            return false;
        }
        return PAIR_GAP.matcher(gap).matches();
    }

    /**
     * In a row of cells, a lone 3-digit number beside a code pair is another column (a duration, a count), not a
     * second SIP code.
     */
    private static boolean rowHasPair(String folded, Candidate sip, List<CodeReference> refs) {
        int lineStart = folded.lastIndexOf('\n', sip.start()) + 1;
        int lineEnd = folded.indexOf('\n', sip.end());
        String line = folded.substring(lineStart, lineEnd < 0 ? folded.length() : lineEnd);
        boolean isRow = line.chars().filter(c -> c == '\t').count() >= 2
                || line.chars().filter(c -> c == ',').count() >= 3;
        if (!isRow) {
            return false;
        }
        int end = lineStart + line.length();
        return refs.stream().anyMatch(r -> r.offset() >= lineStart && r.offset() < end
                && r.microsoftCode() != null && r.sipCode() != null);
    }

    /** Thousands separators: "5,000" is one number; "510559,403" and "403,560403" are two codes. */
    private static int digitRun(String s, int from) {
        int i = from;
        while (i < s.length() && isDigit(s.charAt(i))) {
            i++;
        }
        return i - from;
    }

    private static int digitRunBefore(String s, int end) {
        int i = end;
        while (i > 0 && isDigit(s.charAt(i - 1))) {
            i--;
        }
        return end - i;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean anyTaken(boolean[] taken, int start, int end) {
        for (int i = start; i < end; i++) {
            if (taken[i]) {
                return true;
            }
        }
        return false;
    }

    private static void mark(boolean[] taken, int start, int end) {
        for (int i = start; i < end; i++) {
            taken[i] = true;
        }
    }
}
