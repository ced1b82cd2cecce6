package dev.callcodes.catalog.intake;

import dev.callcodes.catalog.Catalog;
import dev.callcodes.catalog.CatalogEntry;
import dev.callcodes.catalog.Originator;
import dev.callcodes.catalog.Phrases;
import dev.callcodes.catalog.SipCodeInfo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * References in one block of free text (consecutive non-blank lines that are neither table rows nor JSON): prose
 * and chat questions, labelled fields, the admin center's detail pane, SIP messages and their headers.
 *
 * <p>Reading rules, in the order they apply:
 * <ul>
 *   <li>SIP messages: a final status line is a SIP code; its Reason header gives the Q.850 cause, and a Microsoft
 *       code or official phrase in its text; its Server or User-Agent says who sent it. Provisional 1xx responses,
 *       and 2xx responses to anything but INVITE (an OPTIONS ping answered 200), are not call outcomes.</li>
 *   <li>Labelled values ("Final SIP code: 404", "callEndSubReason=560403", "subcode: 3003", a label on one line and
 *       its value on the next) and "DiagCode: 500#3002".</li>
 *   <li>Prefixes and classes named as such ("560xxx", "5xx", "starts with 560 or 540", "560 codes") are rules,
 *       never SIP codes.</li>
 *   <li>Bare numbers outside {@link NoiseMask}'s spans: a 3-digit 100-699 is a SIP code ("503s" and "a 404" too); a
 *       4-6 digit number is a Microsoft code when the catalog knows it, when it has the Teams shape 5xxxxx, or when
 *       the text is a short question about it; other 5-6 digit numbers count only beside a SIP code.</li>
 *   <li>A Microsoft code and a SIP code in one clause pair, whatever stands between them; an unknown short number
 *       pairs only when nothing but separators and joining words stands between. Labelled values pair across lines
 *       of one record.</li>
 *   <li>Official phrases: a labelled phrase belongs to the record's codes; a phrase in a line without codes
 *       completes a nearby bare code (picks the variant; for a SIP code alone, supplies the Microsoft code the
 *       phrase names, marked as taken from the phrase), or stands alone.</li>
 * </ul>
 * Every rule is a bounded or single pass over each line, so a block costs time in proportion to its length.
 */
final class ProseReader {

    /** Strongly-shaped codes pair across a clause; beyond this distance they are probably unrelated. */
    private static final int MAX_CLAUSE_GAP = 160;
    /** An unknown short number pairs only this close, with only separators and joining words between. */
    private static final int MAX_WEAK_GAP = 48;
    private static final int MAX_LABEL_LINE_DISTANCE = 3;
    /** A phrase spread over the lines of a block is looked for only in a block this short. */
    private static final int MAX_JOINED_PHRASE = 600;
    private static final Set<String> JOINING_WORDS = Set.copyOf(List.of("and", "with", "sip", "code", "codes", "response",
            "subcode", "sub", "microsoft", "ms", "reason", "status", "plus", "error", "errors", "&"));
    private static final String[] RULE_CONTEXTS = {"starts with", "start with", "starting with", "begins with",
            "begin with", "beginning with", "prefix", "prefixed with", "prefix of", "prefixes", "leading",
            "commencant par", "beginnt mit", "beginnend mit", "comienza con", "comeca com", "inizia con"};
    private static final Set<String> RULE_NOUNS = Set.copyOf(List.of("codes", "code", "subcodes", "subcode", "errors", "error",
            "range", "series", "family", "prefix", "responses", "failures", "block", "values", "class"));

    enum Kind { SIP, MICROSOFT, GENERIC, RULE, PAIR }

    /** A code seen in a line of the block. {@code strong}: stands alone without a partner. */
    private record Candidate(Kind kind, String value, String second, int line, int start, int end,
                             boolean labelled, boolean strong) {
        Candidate as(Kind newKind) {
            return new Candidate(newKind, value, second, line, start, end, labelled, strong);
        }
    }

    /** A phrase given under a phrase label; it belongs to the codes of the same record. */
    private record LabelledPhrase(String phrase, int line, int start) {
    }

    /** One SIP message: a status or request line and the headers after it. */
    private static final class Message {
        final int line;
        final SipLines.Status status;
        String method;
        String senderHeader;
        final List<SipLines.Reason> reasons = new ArrayList<>(2);

        Message(int line, SipLines.Status status, String method) {
            this.line = line;
            this.status = status;
            this.method = method;
        }
    }

    private final Catalog catalog;
    private final FieldLabels labels;
    private final PhraseIndex phrases;
    private final Set<String> rulePrefixes;
    /**
     * SIP reason phrases ("Not Found", "Busy Here"): some ACS rows use one as their message, but alone on a line
     * they name the SIP response, not one Microsoft code.
     */
    private final Set<String> sipReasonPhrases;

    ProseReader(Catalog catalog, FieldLabels labels, PhraseIndex phrases) {
        this.catalog = catalog;
        this.labels = labels;
        this.phrases = phrases;
        Set<String> prefixes = new HashSet<>();
        for (CatalogEntry entry : catalog.entries()) {
            String code = entry.microsoftCode();
            if (code != null && code.length() == 6) {
                String prefix = code.substring(0, 3);
                boolean registeredSip = catalog.sipCode(Integer.parseInt(prefix)).map(SipCodeInfo::iana).orElse(false);
                boolean usedAsSip = !catalog.bySipCode(Integer.parseInt(prefix)).isEmpty();
                if (!registeredSip && !usedAsSip) {
                    prefixes.add(prefix);
                }
            }
        }
        this.rulePrefixes = Set.copyOf(prefixes);
        this.sipReasonPhrases = catalog.sipCodes().stream().map(info -> Phrases.normalize(info.reasonPhrase()))
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /**
     * The references of one block, in order of appearance.
     *
     * @param lines     the block's lines, as written
     * @param firstLine the number (1-based) of its first line in the input
     * @param lookup    whether the whole input is a short question ("what is 123456"), where any code-shaped
     *                  number is what the user asks about
     */
    List<CodeReference> read(List<String> lines, long firstLine, boolean lookup) {
        List<String> folded = lines.stream().map(Phrases::foldAll).toList();
        boolean sipMessage = folded.stream().anyMatch(f -> SipLines.status(f) != null
                || SipLines.requestMethod(f) != null || SipLines.headerName(f) != null
                && SipLines.isSipHeader(SipLines.headerName(f), false));
        List<Candidate> candidates = new ArrayList<>();
        List<LabelledPhrase> labelledPhrases = new ArrayList<>();
        List<Message> messages = new ArrayList<>();
        List<int[]> causes = new ArrayList<>();
        boolean[] proseLine = new boolean[lines.size()];
        Message current = null;
        for (int i = 0; i < lines.size(); i++) {
            String f = folded.get(i);
            SipLines.Status status = SipLines.status(f);
            String method = status == null ? SipLines.requestMethod(f) : null;
            if (status != null || method != null) {
                current = new Message(i, status, method);
                messages.add(current);
                continue;
            }
            int reason = SipLines.reasonStart(f);
            if (reason >= 0) {
                if (current == null) {
                    current = new Message(i, null, null);
                    messages.add(current);
                }
                current.reasons.addAll(SipLines.reasons(lines.get(i), reason));
                continue;
            }
            String header = SipLines.headerName(f);
            if (header != null && SipLines.isSipHeader(header, sipMessage)) {
                if (current != null && header.equals("cseq")) {
                    current.method = SipLines.cseqMethod(f);
                } else if (current != null && (header.equals("server") || header.equals("user-agent"))) {
                    current.senderHeader = lines.get(i).strip();
                }
                continue;
            }
            if (SipLines.isSdp(f)) {
                continue;
            }
            proseLine[i] = true;
            lineCandidates(lines, folded, i, lookup, candidates, labelledPhrases, causes);
        }
        List<CodeReference> refs = new ArrayList<>();
        List<Integer> refLines = new ArrayList<>();
        pair(folded, candidates, firstLine, lookup, refs, refLines);
        for (Message message : messages) {
            messageReferences(message, firstLine, refs, refLines);
        }
        for (LabelledPhrase labelled : labelledPhrases) {
            attachLabelledPhrase(refs, refLines, labelled, firstLine);
        }
        for (int[] cause : causes) {
            attachCause(refs, refLines, cause[0], cause[1], cause[2]);
        }
        boolean[] hasCodesOrPhrase = new boolean[lines.size()];
        candidates.forEach(c -> hasCodesOrPhrase[c.line()] = true);
        labelledPhrases.forEach(p -> hasCodesOrPhrase[p.line()] = true);
        for (int i = 0; i < lines.size(); i++) {
            int line = i;
            if (!proseLine[i] || hasCodesOrPhrase[i]) {
                continue;
            }
            phrases.within(lines.get(i)).filter(key -> !sipReasonPhrases.contains(key))
                    .ifPresent(key -> attachOrAdd(refs, refLines, catalog.byPhrase(key).get(0).phrase(), line,
                            firstLine));
        }
        if (refs.isEmpty() && lines.size() > 1) {
            // A message published as a bulleted list, copied line by line ("Call forbidden." / "Call canceled.")
            String whole = String.join(" ", lines);
            if (whole.length() <= MAX_JOINED_PHRASE) {
                phrases.exact(whole).ifPresent(key -> {
                    refs.add(CodeReference.phraseOnly(catalog.byPhrase(key).get(0).phrase(), firstLine));
                    refLines.add(0);
                });
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < refs.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingInt(refLines::get));
        return order.stream().map(refs::get).toList();
    }

    // --- candidates -------------------------------------------------------------------------------------------

    private void lineCandidates(List<String> lines, List<String> folded, int index, boolean lookup,
                                List<Candidate> out, List<LabelledPhrase> phrasesOut, List<int[]> causes) {
        String original = lines.get(index);
        String f = folded.get(index);
        boolean[] taken = new boolean[f.length()];
        labelledPhrases(original, f, index, taken, phrasesOut);
        if (index > 0 && isLabelLine(folded.get(index - 1), Field.PHRASE) && !f.isBlank()
                && phrasesOut.stream().noneMatch(p -> p.line() == index)) {
            phrasesOut.add(new LabelledPhrase(original.strip(), index, 0));
            return;
        }
        Field labelAbove = index > 0 && isDigitsOnly(f) ? codeLabelLine(folded.get(index - 1)) : null;
        List<int[]> bare = new ArrayList<>();
        int n = f.length();
        int i = 0;
        while (i < n) {
            if (!NoiseMask.isDigit(f.charAt(i)) || taken[i]) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && NoiseMask.isDigit(f.charAt(i))) {
                i++;
            }
            int end = i;
            if (end - start > 9 || start > 0 && Character.isLetterOrDigit(f.charAt(start - 1))) {
                continue;
            }
            if (end < n && Character.isLetter(f.charAt(end)) && !isPlural(f, start, end)) {
                // "4xx", "503ms": not a value of the label before it; the bare reading decides (a rule, or nothing)
                bare.add(new int[] {start, end});
                continue;
            }
            if (labelAbove != null) {
                labelled(labelAbove, f.substring(start, end), index, start, end).ifPresent(out::add);
                continue;
            }
            LabelLookback.Label label = LabelLookback.find(f, start, labels);
            boolean diagnostic = label != null && labels.isPairedCodes(label.compact()) || end - start == 3;
            if (diagnostic && end + 1 < n && f.charAt(end) == '#' && NoiseMask.isDigit(f.charAt(end + 1))) {
                // "DiagCode: 500#3002", "Error 500#3002 Internal server error": a status code and its subcode
                int subEnd = end + 1;
                while (subEnd < n && NoiseMask.isDigit(f.charAt(subEnd))) {
                    subEnd++;
                }
                Integer sip = Codes.sipCode(f.substring(start, end));
                boolean subcodeShaped = subEnd - end - 1 <= 9 && (label != null || subEnd - end - 1 >= 4);
                if (sip != null && subcodeShaped) {
                    out.add(new Candidate(Kind.PAIR, f.substring(end + 1, subEnd), sip.toString(), index, start,
                            subEnd, true, true));
                    NoiseMask.fill(taken, start, subEnd);
                    i = subEnd;
                    continue;
                }
            }
            if (label != null && label.field() != null && label.field().isCode()) {
                labelled(label.field(), f.substring(start, end), index, start, end).ifPresent(out::add);
                continue;
            }
            if (label != null && labels.genericField(label.compact()) == Field.SIP_CODE) {
                if (end - start <= 3 && Codes.sipCode(f.substring(start, end)) != null) {
                    out.add(new Candidate(Kind.GENERIC, f.substring(start, end), null, index, start, end, true, true));
                    continue;
                }
            }
            boolean cause = label != null && (label.compact().equals("cause") || label.compact().equals("causa"));
            // Asterisk's "Cause: 488" is past the Q.850 range: a SIP failure code. "cause=200" (a CANCEL's reason
            // for a call answered elsewhere) is not a failure.
            boolean causePastQ850 = cause && end - start == 3
                    && Integer.parseInt(f.substring(start, end)) >= 300;
            if (cause && !causePastQ850 && end - start <= 3) {
                // "Cause 34 is sent in a 486 Busy Here": a Q.850 cause named in prose, evidence for the line's code
                causes.add(new int[] {index, start, Integer.parseInt(f.substring(start, end))});
            }
            if (label != null && !causePastQ850 && (labels.isNotCodes(label.compact())
                    || label.field() != null && label.separated())) {
                continue;
            }
            bare.add(new int[] {start, end});
        }
        boolean[] noise = taken.clone();
        NoiseMask.mask(f, noise, labels);
        for (int[] run : bare) {
            classifyBare(f, run[0], run[1], index, noise, lookup, out);
        }
        out.sort(Comparator.comparingInt(Candidate::line).thenComparingInt(Candidate::start));
    }

    private java.util.Optional<Candidate> labelled(Field field, String digits, int line, int start, int end) {
        if (field == Field.SIP_CODE) {
            Integer sip = Codes.sipCode(digits);
            if (sip != null) {
                return java.util.Optional.of(new Candidate(Kind.SIP, sip.toString(), null, line, start, end, true, true));
            }
            return java.util.Optional.empty();
        }
        String ms = Codes.microsoftCode(digits);
        return ms == null ? java.util.Optional.empty()
                : java.util.Optional.of(new Candidate(Kind.MICROSOFT, ms, null, line, start, end, true, true));
    }

    /** "Final SIP phrase: ...", {@code "finalSipCodePhrase":"..."}: the phrase is the rest of the cell or the quote. */
    private void labelledPhrases(String original, String f, int line, boolean[] taken, List<LabelledPhrase> out) {
        int n = f.length();
        for (int i = 0; i < n; i++) {
            char c = f.charAt(i);
            if (c != ':' && c != '=' && c != '\t') {
                continue;
            }
            LabelLookback.Label label = LabelLookback.find(f, i + 1, labels);
            if (label == null || label.field() != Field.PHRASE) {
                continue;
            }
            int v = i + 1;
            while (v < n && (f.charAt(v) == ' ' || f.charAt(v) == '\t')) {
                v++;
            }
            int valueStart;
            int valueEnd;
            if (v < n && (f.charAt(v) == '"' || f.charAt(v) == '\'')) {
                char quote = f.charAt(v);
                valueStart = v + 1;
                valueEnd = valueStart;
                while (valueEnd < n && f.charAt(valueEnd) != quote) {
                    valueEnd++;
                }
            } else {
                valueStart = v;
                valueEnd = valueStart;
                while (valueEnd < n && f.charAt(valueEnd) != '\t') {
                    valueEnd++;
                }
            }
            String phrase = original.substring(valueStart, valueEnd).strip();
            if (!phrase.isEmpty()) {
                out.add(new LabelledPhrase(phrase, line, label.start()));
                NoiseMask.fill(taken, label.start(), Math.min(n, valueEnd + 1));
            }
            i = Math.max(i, valueEnd);
        }
    }

    private void classifyBare(String f, int start, int end, int line, boolean[] noise, boolean lookup,
                              List<Candidate> out) {
        for (int i = start; i < end; i++) {
            if (noise[i]) {
                return;
            }
        }
        String digits = f.substring(start, end);
        String rule = ruleOf(f, start, end, digits, out, line);
        if (rule != null) {
            out.add(new Candidate(Kind.RULE, rule, null, line, start, ruleEnd(f, end), false, true));
            return;
        }
        if (!standsAlone(f, start, end)) {
            return;
        }
        if (digits.length() > 1 && digits.charAt(0) == '0') {
            return;
        }
        if (digits.length() == 3) {
            // A bare number is a SIP code only if it is one (registered, or used in Microsoft's tables): "event type
            // 128" and "<133>" are not. 100 Trying never ends a call and is mostly just a hundred.
            int code = Integer.parseInt(digits);
            Optional<SipCodeInfo> info = code <= Codes.MAX_SIP_CODE ? catalog.sipCode(code) : Optional.empty();
            boolean trying = code == 100 && (followedByWord(f, end, "trying") || start >= 4 && f.startsWith("non-", start - 4));
            // Redirections are rare in Teams calls and their numbers common elsewhere (a page number, a timeout):
            // a bare 3xx counts when its reason phrase follows it ("302 Moved Temporarily").
            boolean redirection = code >= 300 && code < 400;
            boolean phraseFollows = info.isPresent() && followedByWord(f, end,
                    Phrases.normalize(info.get().reasonPhrase()).split(" ")[0]);
            // In a short question ("explain 455") the number is what is asked about, registered or not.
            boolean asked = lookup && code >= 100 && code <= Codes.MAX_SIP_CODE;
            if ((info.isPresent() || asked) && (code > 100 || trying || asked) && (!redirection || phraseFollows || asked)) {
                out.add(new Candidate(Kind.SIP, digits, null, line, start, end, false, true));
            }
            return;
        }
        if (digits.length() < 4 || digits.length() > 6) {
            return;
        }
        boolean known = catalog.knowsMicrosoftCode(digits);
        boolean teamsShaped = digits.length() == 6 && digits.charAt(0) == '5';
        boolean yearLike = digits.length() == 4 && digits.compareTo("1900") >= 0 && digits.compareTo("2099") <= 0;
        boolean asked = lookup && !yearLike;
        if (known || teamsShaped || asked) {
            out.add(new Candidate(Kind.MICROSOFT, digits, null, line, start, end, false, true));
        } else if (digits.length() >= 5) {
            out.add(new Candidate(Kind.MICROSOFT, digits, null, line, start, end, false, false));
        }
    }

    /**
     * The rule a number names, or null: "560xxx", "5xx", "560*", "starts with 560", "560 or 540 codes", or a
     * 3-digit prefix of Microsoft codes that is not a registered SIP code (560, 540, 569), which nobody means as a
     * SIP code.
     */
    private String ruleOf(String f, int start, int end, String digits, List<Candidate> sameLine, int line) {
        int n = f.length();
        if (start > 0 && f.charAt(start - 1) == '+') {
            return null; // "+33xxx": a masked phone number
        }
        int x = end;
        while (x < n && f.charAt(x) == 'x') {
            x++;
        }
        if (x > end && (x == n || !Character.isLetterOrDigit(f.charAt(x))) && x - start >= 2 && x - start <= 6) {
            return digits + "x".repeat(x - end);
        }
        boolean emphasis = start > 0 && f.charAt(start - 1) == '*' || end + 1 < n && f.charAt(end + 1) == '*';
        boolean sipCode = digits.length() == 3 && catalog.sipCode(Integer.parseInt(digits)).isPresent();
        if (end < n && f.charAt(end) == '*' && !emphasis && !sipCode && digits.length() <= 6) {
            // "560*" is a wildcard; "505*" in a table is a registered SIP code with a footnote mark
            return widen(digits);
        }
        if (start > 0 && Character.isLetterOrDigit(f.charAt(start - 1))) {
            return null;
        }
        if (end < n && Character.isLetterOrDigit(f.charAt(end))) {
            return null;
        }
        if (digits.length() <= 3 && ruleContextBefore(f, start)) {
            return widen(digits);
        }
        if (digits.length() <= 3 && !sameLine.isEmpty()) {
            Candidate previous = sameLine.get(sameLine.size() - 1);
            if (previous.kind() == Kind.RULE && previous.line() == line
                    && onlyListJoiners(f, previous.end(), start)) {
                return widen(digits);
            }
        }
        if (digits.length() == 3 && rulePrefixes.contains(digits)) {
            return widen(digits);
        }
        if (digits.length() == 3 && catalog.sipCode(Integer.parseInt(digits)).isEmpty()
                && nounAfter(f, end) && digits.charAt(0) == '5') {
            return widen(digits);
        }
        return null;
    }

    /** "5" → "5xx" (a SIP class); "560" → "560xxx" (a Microsoft code prefix). */
    private static String widen(String digits) {
        if (digits.length() == 1) {
            return digits + "xx";
        }
        if (digits.length() == 2) {
            return digits + "x";
        }
        return digits + "x".repeat(Math.max(0, 6 - digits.length()));
    }

    private static int ruleEnd(String f, int end) {
        int x = end;
        while (x < f.length() && f.charAt(x) == 'x') {
            x++;
        }
        return x < f.length() && x == end && f.charAt(x) == '*' ? x + 1 : x;
    }

    private static boolean ruleContextBefore(String f, int start) {
        int i = start;
        while (i > 0 && (f.charAt(i - 1) == ' ' || f.charAt(i - 1) == '"' || f.charAt(i - 1) == '\''
                || f.charAt(i - 1) == '`' || f.charAt(i - 1) == '*')) {
            i--;
        }
        String before = f.substring(Math.max(0, i - 20), i);
        if (before.endsWith(" the")) {
            String earlier = f.substring(Math.max(0, i - 24), i - 4);
            before = earlier;
        }
        for (String context : RULE_CONTEXTS) {
            if (before.endsWith(context)) {
                return true;
            }
        }
        return false;
    }

    private static boolean followedByWord(String f, int end, String word) {
        int w = end;
        while (w < f.length() && (f.charAt(w) == ' ' || f.charAt(w) == '"')) {
            w++;
        }
        return !word.isEmpty() && f.startsWith(word, w)
                && (w + word.length() == f.length() || !Character.isLetter(f.charAt(w + word.length())));
    }

    private static boolean nounAfter(String f, int end) {
        int w = end;
        while (w < f.length() && f.charAt(w) == ' ') {
            w++;
        }
        int e = w;
        while (e < f.length() && Character.isLetter(f.charAt(e)) && e - w < 12) {
            e++;
        }
        return e > w && RULE_NOUNS.contains(f.substring(w, e));
    }

    private static boolean onlyListJoiners(String f, int from, int to) {
        if (to - from > 12) {
            return false;
        }
        String gap = f.substring(from, to).replace(",", " ").replace("/", " ").strip();
        return gap.isEmpty() || gap.equals("or") || gap.equals("and") || gap.equals("and/or");
    }

    /**
     * A number stands alone when no letter, digit or number-joining character touches it: "sbc1", "v2", "-5",
     * "3.5", "$403" and "40%" do not; "510559/403", "(403)" and "510559,403" do, and so do plurals and
     * possessives of codes ("503s", "404's"). A dash counts as a separator only with space around it
     * ("560420 - 420") or between two codes ("510559-403").
     */
    private static boolean standsAlone(String s, int start, int end) {
        if (start > 0) {
            char before = s.charAt(start - 1);
            // ':' joins numbers ("10:45", "sip.example.com:5061"), but after a name it separates ("status:604")
            boolean separatingColon = before == ':' && start > 1 && !Character.isDigit(s.charAt(start - 2));
            if (Character.isLetterOrDigit(before)
                    || "+.$#@_\\:%\u20ac\u00a3".indexOf(before) >= 0 && !separatingColon) {
                return false;
            }
            if (before == '-' && start > 1 && Character.isLetter(s.charAt(start - 2))
                    && !(start >= 4 && s.startsWith("non-", start - 4))) {
                return false;
            }
            if (before == ',' && end - start == 3 && start > 1 && NoiseMask.isDigit(s.charAt(start - 2))
                    && digitRunBefore(s, start - 1) <= 3 && (end == s.length() || s.charAt(end) != ',')) {
                return false;
            }
        }
        if (end < s.length()) {
            char after = s.charAt(end);
            if (isPlural(s, start, end)) {
                return true;
            }
            if (Character.isLetterOrDigit(after) || "%_@$\u20ac\u00a3".indexOf(after) >= 0) {
                return false;
            }
            if ((after == '.' || after == ':') && end + 1 < s.length() && NoiseMask.isDigit(s.charAt(end + 1))) {
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

    /** "503s", "404's": the letters after a code make it plural or possessive, not another word. */
    private static boolean isPlural(String s, int start, int end) {
        int i = end;
        if (i < s.length() && s.charAt(i) == '\'') {
            i++;
        }
        return (end - start == 3 || end - start == 6) && i < s.length() && s.charAt(i) == 's'
                && (i + 1 == s.length() || !Character.isLetterOrDigit(s.charAt(i + 1)));
    }

    // --- pairing ----------------------------------------------------------------------------------------------

    private void pair(List<String> folded, List<Candidate> candidates, long firstLine, boolean lookup,
                      List<CodeReference> refs, List<Integer> refLines) {
        candidates.sort(Comparator.comparingInt(Candidate::line).thenComparingInt(Candidate::start));
        int count = candidates.size();
        resolveGeneric(candidates);
        boolean[] paired = new boolean[count];
        List<int[]> pairs = new ArrayList<>();
        for (int i = 0; i + 1 < count; i++) {
            if (paired[i]) {
                continue;
            }
            Candidate a = candidates.get(i);
            Candidate b = candidates.get(i + 1);
            if (!paired[i + 1] && sameClause(folded, a, b) && belongTogether(folded, a, b)) {
                paired[i] = true;
                paired[i + 1] = true;
                pairs.add(new int[] {i, i + 1});
            }
        }
        // Records written vertically (the admin center's detail pane, JSON-ish fragments): labelled values of the
        // two kinds pair across nearby lines when no other code stands between them.
        for (int i = 0; i + 1 < count; i++) {
            Candidate a = candidates.get(i);
            Candidate b = candidates.get(i + 1);
            if (!paired[i] && !paired[i + 1] && a.labelled() && b.labelled() && opposite(a, b)
                    && b.line() - a.line() <= MAX_LABEL_LINE_DISTANCE) {
                paired[i] = true;
                paired[i + 1] = true;
                pairs.add(new int[] {i, i + 1});
            }
        }
        boolean[] emitted = new boolean[count];
        boolean[] lineHasPair = new boolean[folded.size()];
        for (int[] p : pairs) {
            lineHasPair[candidates.get(p[0]).line()] = true;
            Candidate a = candidates.get(p[0]);
            Candidate b = candidates.get(p[1]);
            Candidate ms = a.kind() == Kind.MICROSOFT ? a : b;
            Candidate sip = a.kind() == Kind.MICROSOFT ? b : a;
            refs.add(new CodeReference(ms.value(), Integer.valueOf(sip.value()), null, firstLine + a.line(),
                    Provenance.GIVEN, null, null, null));
            refLines.add(a.line() * 100_000 + Math.min(a.start(), 99_999));
            emitted[p[0]] = true;
            emitted[p[1]] = true;
        }
        java.util.Set<String> pairedCodesOnLine = new HashSet<>();
        for (int[] p : pairs) {
            Candidate a = candidates.get(p[0]);
            Candidate b = candidates.get(p[1]);
            pairedCodesOnLine.add(a.line() + "|" + (a.kind() == Kind.MICROSOFT ? a.value() : b.value()));
        }
        for (int i = 0; i < count; i++) {
            if (emitted[i]) {
                continue;
            }
            Candidate c = candidates.get(i);
            if (c.kind() == Kind.PAIR && pairedCodesOnLine.contains(c.line() + "|" + c.value())) {
                // "subcode: 3003, diagcode: 500#3003": the diagnostic repeats the record's own pair
                continue;
            }
            CodeReference ref = switch (c.kind()) {
                case PAIR -> new CodeReference(c.value(), Integer.valueOf(c.second()), null, firstLine + c.line(),
                        Provenance.GIVEN, null, null, null);
                // SIP 0 alone (participantEndReason "0") is a normal end, not a question, unless it is what was asked
                case SIP, GENERIC -> rowHasPair(folded, c, lineHasPair) || "0".equals(c.value()) && !lookup ? null
                        : new CodeReference(null, Integer.valueOf(c.value()), null, firstLine + c.line(),
                        Provenance.GIVEN, null, null, null);
                case MICROSOFT -> c.strong() || c.labelled() ? new CodeReference(c.value(), null, null,
                        firstLine + c.line(), Provenance.GIVEN, null, null, null) : null;
                case RULE -> c.strong() ? CodeReference.rule(c.value(), firstLine + c.line()) : null;
            };
            if (ref != null) {
                refs.add(ref);
                refLines.add(c.line() * 100_000 + Math.min(c.start(), 99_999));
            }
        }
    }

    /** {@code "code": 500} is the SIP (or status) code when a subcode stands beside it, else a bare number. */
    private void resolveGeneric(List<Candidate> candidates) {
        for (int i = 0; i < candidates.size(); i++) {
            Candidate c = candidates.get(i);
            if (c.kind() != Kind.GENERIC) {
                continue;
            }
            boolean subcodeBeside = i > 0 && isLabelledMicrosoft(candidates.get(i - 1))
                    || i + 1 < candidates.size() && isLabelledMicrosoft(candidates.get(i + 1));
            if (subcodeBeside) {
                candidates.set(i, c.as(Kind.SIP));
                continue;
            }
            // Without a subcode, "code 403" is a bare SIP code; "error code 0" is a code in general, no reference.
            int value = Integer.parseInt(c.value());
            boolean sipCode = value > 100 && value <= Codes.MAX_SIP_CODE && catalog.sipCode(value).isPresent();
            candidates.set(i, new Candidate(sipCode ? Kind.SIP : Kind.RULE, c.value(), null, c.line(), c.start(),
                    c.end(), false, sipCode));
        }
    }

    private static boolean isLabelledMicrosoft(Candidate c) {
        return c.kind() == Kind.MICROSOFT && c.labelled();
    }

    private static boolean opposite(Candidate a, Candidate b) {
        return a.kind() == Kind.SIP && b.kind() == Kind.MICROSOFT || a.kind() == Kind.MICROSOFT && b.kind() == Kind.SIP;
    }

    private static boolean sameClause(List<String> folded, Candidate a, Candidate b) {
        if (a.line() != b.line()) {
            return false;
        }
        String f = folded.get(a.line());
        for (int i = a.end(); i < b.start(); i++) {
            char c = f.charAt(i);
            if ((c == '.' || c == '!' || c == '?') && (i + 1 == f.length() || f.charAt(i + 1) == ' ')
                    && !(i > 0 && NoiseMask.isDigit(f.charAt(i - 1)) && i + 1 < f.length()
                    && NoiseMask.isDigit(f.charAt(i + 1)))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Two codes of one clause belong together when only separators and joining words stand between them; farther
     * apart ("SIP 403 on 20 calls, subcode 510559"), when both are code-shaped and the pair is plausible: a pair
     * the catalog lists, a 560 code whose last digits are the SIP code, or a Microsoft code the catalog does not
     * know (nothing says they do not belong together). "SIP 488, later 560403" stays two references.
     */
    private boolean belongTogether(List<String> folded, Candidate a, Candidate b) {
        if (!opposite(a, b)) {
            return false;
        }
        int gap = b.start() - a.end();
        if (gap <= MAX_WEAK_GAP && onlyJoiners(folded.get(a.line()).substring(a.end(), b.start()))) {
            return true;
        }
        if (!a.strong() || !b.strong() || gap > MAX_CLAUSE_GAP) {
            return false;
        }
        Candidate ms = a.kind() == Kind.MICROSOFT ? a : b;
        int sip = Integer.parseInt(a.kind() == Kind.MICROSOFT ? b.value() : a.value());
        Integer implied = Originator.impliedSipCode(ms.value());
        if (implied != null) {
            return implied == sip;
        }
        return !catalog.knowsMicrosoftCode(ms.value()) || !catalog.byPair(ms.value(), sip).isEmpty();
    }

    /** Between two codes that belong together: punctuation, spaces and at most four joining words. */
    private static boolean onlyJoiners(String gap) {
        int words = 0;
        int i = 0;
        while (i < gap.length()) {
            char c = gap.charAt(i);
            if (Character.isLetter(c)) {
                int start = i;
                while (i < gap.length() && Character.isLetter(gap.charAt(i))) {
                    i++;
                }
                if (!JOINING_WORDS.contains(gap.substring(start, i)) || ++words > 4) {
                    return false;
                }
                continue;
            }
            if (Character.isDigit(c) || "\u20ac$%@".indexOf(c) >= 0) {
                return false;
            }
            i++;
        }
        return true;
    }

    /**
     * In a row of cells, a lone 3-digit number beside a code pair is another column (a duration, a count), not a
     * second SIP code.
     */
    private static boolean rowHasPair(List<String> folded, Candidate sip, boolean[] lineHasPair) {
        if (sip.labelled() || !lineHasPair[sip.line()]) {
            return false;
        }
        String line = folded.get(sip.line());
        int tabs = 0;
        int commas = 0;
        for (int i = 0; i < line.length() && tabs < 2 && commas < 3; i++) {
            tabs += line.charAt(i) == '\t' ? 1 : 0;
            commas += line.charAt(i) == ',' ? 1 : 0;
        }
        return tabs >= 2 || commas >= 3;
    }

    // --- SIP messages -----------------------------------------------------------------------------------------

    private void messageReferences(Message message, long firstLine, List<CodeReference> refs, List<Integer> refLines) {
        Integer q850 = null;
        Integer sipCause = null;
        String microsoftCode = null;
        String phrase = null;
        for (SipLines.Reason reason : message.reasons) {
            if (reason.protocol().equals("q.850") && reason.cause() != null && q850 == null) {
                q850 = reason.cause();
            }
            if (reason.protocol().equals("sip") && reason.cause() != null && sipCause == null) {
                sipCause = reason.cause();
            }
            if (reason.text() != null) {
                ReasonText text = ReasonText.of(reason.text());
                microsoftCode = microsoftCode != null ? microsoftCode : text.microsoftCode();
                phrase = phrase != null ? phrase : text.phrase();
            }
        }
        SenderEvidence sender = message.senderHeader == null ? null
                : new SenderEvidence(SipLines.senderOf(message.senderHeader), message.senderHeader);
        int order = message.line * 100_000;
        long line = firstLine + message.line;
        if (message.status != null) {
            int code = message.status.code();
            boolean provisional = code < 200;
            boolean notACallOutcome = code < 300 && message.method != null && !message.method.equals("invite");
            if (provisional || notACallOutcome) {
                return;
            }
            refs.add(new CodeReference(microsoftCode, code, phrase, line, Provenance.GIVEN, q850, sender, null));
            refLines.add(order);
            return;
        }
        String official = phrase == null ? null : phrases.tolerant(phrase).orElse(null);
        boolean sipFailure = sipCause != null && sipCause >= 300 && sipCause <= Codes.MAX_SIP_CODE;
        if (sipFailure) {
            // "Reason: SIP;cause=408;text=\"ACK Timeout\"": the reason a request ended is a SIP code. A 2xx cause
            // (a CANCEL's "Call completed elsewhere") is not a failure.
            refs.add(new CodeReference(microsoftCode, sipCause, phrase, line, Provenance.GIVEN, q850, sender, null));
            refLines.add(order);
        } else if (microsoftCode != null) {
            refs.add(new CodeReference(microsoftCode, null, phrase, line, Provenance.GIVEN, q850, sender, null));
            refLines.add(order);
        } else if (official != null) {
            refs.add(new CodeReference(null, null, phrase, line, Provenance.GIVEN, q850, sender, null));
            refLines.add(order);
        } else if (q850 != null) {
            refs.add(new CodeReference(null, null, null, line, Provenance.GIVEN, q850, sender, null));
            refLines.add(order);
        }
    }

    /** A Reason header's text: "correlation-id;official phrase", "560503", or words. */
    record ReasonText(String microsoftCode, String phrase) {
        static ReasonText of(String text) {
            String code = null;
            List<String> words = new ArrayList<>();
            for (String part : text.split(";", 16)) {
                String p = part.strip();
                if (p.isEmpty() || isGuid(p)) {
                    continue;
                }
                if (code == null && p.length() >= 4 && p.length() <= 6 && p.chars().allMatch(Character::isDigit)) {
                    code = p;
                    continue;
                }
                words.add(p);
            }
            return new ReasonText(code, words.isEmpty() ? null : String.join("; ", words));
        }

        private static boolean isGuid(String s) {
            return s.length() == 36 && s.charAt(8) == '-' && s.charAt(13) == '-' && s.charAt(18) == '-'
                    && s.charAt(23) == '-';
        }
    }

    // --- phrases ----------------------------------------------------------------------------------------------

    /** A Q.850 cause named in a line belongs to the nearest code reference of that line that has none. */
    private static void attachCause(List<CodeReference> refs, List<Integer> refLines, int line, int start, int cause) {
        int at = line * 100_000 + Math.min(start, 99_999);
        int best = -1;
        for (int i = 0; i < refs.size(); i++) {
            CodeReference r = refs.get(i);
            if (refLines.get(i) / 100_000 == line && r.hasCode() && r.q850Cause() == null
                    && (best < 0 || Math.abs(refLines.get(i) - at) < Math.abs(refLines.get(best) - at))) {
                best = i;
            }
        }
        if (best >= 0) {
            refs.set(best, refs.get(best).withEvidence(cause, null));
        }
    }

    /** A labelled phrase belongs to the nearest code reference of the block that has none, whatever it says. */
    private static void attachLabelledPhrase(List<CodeReference> refs, List<Integer> refLines, LabelledPhrase labelled,
                                             long firstLine) {
        int best = -1;
        int at = labelled.line() * 100_000 + Math.min(labelled.start(), 99_999);
        for (int i = 0; i < refs.size(); i++) {
            CodeReference r = refs.get(i);
            if (r.hasCode() && r.phrase() == null
                    && (best < 0 || Math.abs(refLines.get(i) - at) < Math.abs(refLines.get(best) - at))) {
                best = i;
            }
        }
        if (best >= 0) {
            refs.set(best, refs.get(best).withPhrase(labelled.phrase()));
        } else {
            refs.add(CodeReference.phraseOnly(labelled.phrase(), firstLine + labelled.line()));
            refLines.add(at);
        }
    }

    /**
     * An official phrase near a code it explains (a pasted code and its phrase on the next line) completes that
     * reference: it picks the variant and, for a bare SIP code, supplies the Microsoft code the phrase names.
     */
    private void attachOrAdd(List<CodeReference> refs, List<Integer> refLines, String phrase, int line,
                             long firstLine) {
        List<CatalogEntry> entries = catalog.byPhrase(phrase);
        int at = line * 100_000;
        int best = -1;
        for (int i = 0; i < refs.size(); i++) {
            CodeReference r = refs.get(i);
            if (r.hasCode() && r.phrase() == null && entries.stream().anyMatch(e -> compatible(r, e))
                    && (best < 0 || Math.abs(refLines.get(i) - at) < Math.abs(refLines.get(best) - at))) {
                best = i;
            }
        }
        if (best < 0) {
            refs.add(CodeReference.phraseOnly(phrase, firstLine + line));
            refLines.add(at);
            return;
        }
        refs.set(best, refs.get(best).withPhrase(phrase));
    }

    static boolean compatible(CodeReference ref, CatalogEntry entry) {
        return (ref.microsoftCode() == null || ref.microsoftCode().equals(entry.microsoftCode()))
                && (ref.sipCode() == null || entry.sipCodes().contains(ref.sipCode()));
    }

    // --- small helpers ----------------------------------------------------------------------------------------

    private boolean isLabelLine(String folded, Field field) {
        String stripped = folded.strip();
        if (stripped.isEmpty() || stripped.length() > 60) {
            return false;
        }
        return labels.fieldOfCompact(FieldLabels.compact(stripped.endsWith(":")
                ? stripped.substring(0, stripped.length() - 1) : stripped)) == field;
    }

    private Field codeLabelLine(String folded) {
        String stripped = folded.strip();
        if (stripped.isEmpty() || stripped.length() > 60 || stripped.chars().anyMatch(Character::isDigit)) {
            return null;
        }
        Field field = labels.fieldOfCompact(FieldLabels.compact(stripped));
        return field != null && field.isCode() ? field : null;
    }

    private static boolean isDigitsOnly(String f) {
        String stripped = f.strip();
        return !stripped.isEmpty() && stripped.length() <= 9 && stripped.chars().allMatch(Character::isDigit);
    }

    private static int digitRun(String s, int from) {
        int i = from;
        while (i < s.length() && NoiseMask.isDigit(s.charAt(i))) {
            i++;
        }
        return i - from;
    }

    private static int digitRunBefore(String s, int end) {
        int i = end;
        while (i > 0 && NoiseMask.isDigit(s.charAt(i - 1)) && end - i < 12) {
            i--;
        }
        return end - i;
    }

    static String describe(CodeReference ref) {
        if (ref.isRule()) {
            return "rule:" + ref.rule();
        }
        if (!ref.hasCode()) {
            return ref.phrase() != null ? "phrase:" + Phrases.normalize(ref.phrase()) : "q850:" + ref.q850Cause();
        }
        return Objects.toString(ref.microsoftCode(), "-") + "/" + Objects.toString(ref.sipCode(), "-")
                + (ref.provenance() == Provenance.PHRASE ? "(phrase)" : "");
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
