package dev.callcodes.catalog.explain;

import dev.callcodes.catalog.Catalog;
import dev.callcodes.catalog.CatalogEntry;
import dev.callcodes.catalog.Originator;
import dev.callcodes.catalog.Phrases;
import dev.callcodes.catalog.PublishedPair;
import dev.callcodes.catalog.Q850Cause;
import dev.callcodes.catalog.SipCodeInfo;
import dev.callcodes.catalog.intake.CodeReference;
import dev.callcodes.catalog.intake.PhraseIndex;
import dev.callcodes.catalog.intake.Provenance;
import dev.callcodes.catalog.intake.SenderEvidence;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Explains one reference: what the catalog lists for its codes or phrase, who generated the response, and what
 * contradicts or is missing. Thread-safe; build once and share.
 */
public final class Explainer {

    /** A rule about a prefix lists at most this many of the catalog's codes with that prefix. */
    static final int MAX_RULE_ENTRIES = 10;

    private final Catalog catalog;
    private final PhraseIndex phrases;
    private final CodeRules rules;
    /**
     * Each search result is an entry's answer, and a search box asks for the same entries keystroke after keystroke:
     * answers are immutable and the catalog never changes under its explainer, so each is made once (at most one
     * per entry). Kept only for an entry of this catalog, which the answer lists.
     */
    private final Map<String, Answer> entryAnswers = new ConcurrentHashMap<>();

    public Explainer(Catalog catalog) {
        this(catalog, PhraseIndex.of(catalog));
    }

    public Explainer(Catalog catalog, PhraseIndex phrases) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.phrases = Objects.requireNonNull(phrases, "phrases");
        this.rules = CodeRules.load();
    }

    public Catalog catalog() {
        return catalog;
    }

    /** The answer for one reference. */
    public Answer answer(CodeReference ref) {
        Answer answer;
        if (ref.isRule()) {
            answer = explainRule(ref.rule());
        } else if (ref.microsoftCode() != null && ref.sipCode() != null) {
            answer = explainPair(ref.microsoftCode(), ref.sipCode(), ref.phrase(), ref.provenance());
        } else if (ref.microsoftCode() != null) {
            answer = explainMicrosoftCode(ref.microsoftCode(), ref.phrase());
        } else if (ref.sipCode() != null) {
            answer = explainSipCode(ref.sipCode(), ref.phrase());
        } else if (ref.phrase() != null) {
            answer = explainPhrase(ref.phrase());
        } else {
            answer = answer(null, null, null, Originator.UNKNOWN, Match.Q850_CAUSE, List.of(),
                    List.of("Only a Q.850 cause was given, without a SIP code or a Microsoft code."), List.of());
        }
        return withEvidence(answer, ref.q850Cause(), ref.sender());
    }

    /** The answer for a catalog entry, as if its codes had been asked about (a search result). */
    public Answer answer(CatalogEntry entry) {
        Answer known = entryAnswers.get(entry.id());
        if (known != null && known.entries().stream().anyMatch(listed -> listed == entry)) {
            return known;
        }
        Answer answer = answer(CodeReference.pair(entry.microsoftCode(), entry.sipCodeFor(null)));
        if (answer.entries().stream().anyMatch(listed -> listed == entry)) {
            entryAnswers.put(entry.id(), answer);
        }
        return answer;
    }

    private Answer explainPair(String ms, int sip, String phrase, Provenance provenance) {
        List<String> warnings = new ArrayList<>();
        List<CatalogEntry> exact = catalog.byPair(ms, sip);
        if (!exact.isEmpty()) {
            List<CatalogEntry> listed = exact.stream().filter(e -> listsPair(e, ms, sip)).toList();
            List<CatalogEntry> printedAs = exact.stream().filter(e -> !listsPair(e, ms, sip)).toList();
            List<String> notes = new ArrayList<>();
            for (CatalogEntry entry : printedAs) {
                List<String> target = listed.isEmpty() ? warnings : notes;
                entry.publishedAs().stream()
                        .filter(p -> p.sipCode() == sip && Objects.equals(p.microsoftCode() == null
                                ? entry.microsoftCode() : p.microsoftCode(), ms))
                        .map(PublishedPair::note)
                        .forEach(target::add);
            }
            if (provenance == Provenance.PHRASE) {
                notes.add(0, "The Microsoft code " + ms + " was not written: the official phrase given with SIP "
                        + sip + " is the one Microsoft publishes for " + ms + ".");
            }
            List<CatalogEntry> ordered = new ArrayList<>(byPhrase(listed, phrase));
            ordered.addAll(byPhrase(printedAs, phrase));
            addSourceDisagreements(ordered, warnings);
            Match match = provenance == Provenance.PHRASE ? Match.PHRASE : Match.EXACT;
            return answer(ms, sip, phrase, originatorOf(ms, ordered), match, warnings, notes, ordered);
        }
        checkRule(ms, sip, warnings);
        List<CatalogEntry> sameMicrosoftCode = catalog.byMicrosoftCode(ms);
        if (!sameMicrosoftCode.isEmpty()) {
            warnings.add("The catalog lists " + ms + " with " + sipList(sameMicrosoftCode)
                    + ", not with SIP " + sip + ". The entries below describe " + ms + " as published.");
            List<CatalogEntry> ordered = byPhrase(sameMicrosoftCode, phrase);
            return answer(ms, sip, phrase, originatorOf(ms, ordered), Match.MICROSOFT_CODE, warnings, List.of(), ordered);
        }
        return unlisted(ms, sip, phrase, warnings);
    }

    private Answer explainMicrosoftCode(String ms, String phrase) {
        List<CatalogEntry> entries = byPhrase(catalog.byMicrosoftCode(ms), phrase);
        if (entries.isEmpty()) {
            return unlisted(ms, Originator.impliedSipCode(ms), phrase, new ArrayList<>());
        }
        List<String> warnings = new ArrayList<>();
        List<Integer> sipCodes = entries.stream().flatMap(e -> e.sipCodes().stream()).distinct().toList();
        Integer sip = sipCodes.size() == 1 ? sipCodes.get(0) : null;
        if (sipCodes.size() > 1) {
            Integer implied = Originator.impliedSipCode(ms);
            sip = implied != null && sipCodes.contains(implied) ? implied : entries.get(0).sipCodeFor(null);
            warnings.add("Official pages list " + ms + " with " + sipList(entries)
                    + "; give the SIP code too for the exact entry.");
        }
        addSourceDisagreements(entries, warnings);
        return answer(ms, sip, phrase, originatorOf(ms, entries), Match.MICROSOFT_CODE, warnings, List.of(), entries);
    }

    private Answer explainSipCode(int sip, String phrase) {
        List<CatalogEntry> entries = byPhrase(catalog.bySipCode(sip), phrase);
        Optional<SipCodeInfo> info = catalog.sipCode(sip);
        if (info.isEmpty() && entries.isEmpty()) {
            return answer(null, sip, phrase, Originator.UNKNOWN, Match.UNKNOWN,
                    List.of("SIP " + sip + " is not a registered SIP response code and no official Microsoft table uses it."),
                    List.of(), List.of());
        }
        List<String> notes = new ArrayList<>();
        notes.add("A SIP code alone does not say who generated it. The Microsoft response code next to it in the call "
                + "record (CallEndSubReason) does: one starting with 560 means your SBC sent it.");
        return answer(null, sip, phrase, Originator.UNKNOWN, Match.SIP_CODE, List.of(), notes, entries);
    }

    private Answer explainPhrase(String phrase) {
        List<CatalogEntry> entries = phrases.tolerant(phrase).map(catalog::byPhrase).orElse(List.of());
        if (entries.isEmpty()) {
            return answer(null, null, phrase, Originator.UNKNOWN, Match.UNKNOWN,
                    List.of("This phrase is not in the catalog."), List.of(), List.of());
        }
        List<String> warnings = new ArrayList<>();
        List<String> codes = entries.stream().map(Explainer::pairLabel).distinct().toList();
        String ms = null;
        Integer sip = null;
        if (codes.size() == 1) {
            ms = entries.get(0).microsoftCode();
            sip = entries.get(0).sipCodeFor(null);
        } else {
            warnings.add("Official pages use this phrase for several codes: " + String.join(", ", codes)
                    + ". The Microsoft code in the call record tells which one you have.");
        }
        addSourceDisagreements(entries, warnings);
        Originator originator = ms != null ? originatorOf(ms, entries) : commonOriginator(entries);
        return answer(ms, sip, phrase, originator, Match.PHRASE, warnings, List.of(), entries);
    }

    /** "560xxx", "5xx": what the sources say about the family, and the catalog's codes in it. */
    private Answer explainRule(String written) {
        String digits = written.replace("x", "");
        if (written.length() == 3) {
            String sipClass = written.charAt(0) + "xx";
            CodeRules.SipClass info = rules.sipClass(sipClass).orElse(null);
            if (info != null) {
                CodeRule rule = new CodeRule(written, CodeRule.Kind.SIP_CLASS, info.summary(), rules.classSources(), 0);
                return new Answer(null, null, null, Originator.UNKNOWN, Match.RULE, 1, List.of(),
                        List.of(info.summary(), rules.classNote()), List.of(), null, null, null, rule);
            }
        }
        List<CatalogEntry> inFamily = catalog.entries().stream()
                .filter(e -> e.microsoftCode() != null && e.microsoftCode().startsWith(digits))
                .sorted(Comparator.comparing(CatalogEntry::microsoftCode)
                        .thenComparingInt(e -> catalog.families().rank(e.family())))
                .toList();
        long distinctCodes = inFamily.stream().map(CatalogEntry::microsoftCode).distinct().count();
        Optional<CodeRules.Prefix> known = rules.prefix(digits);
        String summary = known.map(CodeRules.Prefix::summary)
                .orElse(rules.otherPrefix().summary().replace("{prefix}", digits).strip());
        List<String> sources = known.map(CodeRules.Prefix::sources).orElse(rules.otherPrefix().sources());
        Originator originator = known.map(CodeRules.Prefix::originator).orElse(Originator.byRule(digits));
        String prefixLabel = digits + "x".repeat(Math.max(0, 6 - digits.length()));
        CodeRule rule = new CodeRule(prefixLabel, CodeRule.Kind.MICROSOFT_PREFIX, summary.strip(), sources,
                (int) distinctCodes);
        List<String> notes = new ArrayList<>();
        notes.add(summary.strip());
        notes.add(distinctCodes == 0 ? "The catalog lists no code that starts with " + digits + "."
                : "The catalog lists " + distinctCodes + (distinctCodes == 1 ? " code" : " codes") + " starting with "
                + digits + (distinctCodes > MAX_RULE_ENTRIES ? "; the first " + MAX_RULE_ENTRIES + " are below." : "."));
        List<CatalogEntry> shown = inFamily.stream().filter(distinctByCode()).limit(MAX_RULE_ENTRIES).toList();
        return new Answer(null, null, null, originator, Match.RULE, 1, List.of(), notes, shown, null, null, null, rule);
    }

    private static java.util.function.Predicate<CatalogEntry> distinctByCode() {
        java.util.Set<String> seen = new java.util.HashSet<>();
        return e -> seen.add(e.microsoftCode());
    }

    /** Codes the catalog does not list: say what the rules say, and no more. */
    private Answer unlisted(String ms, Integer sip, String phrase, List<String> warnings) {
        List<String> notes = new ArrayList<>();
        Integer implied = Originator.impliedSipCode(ms);
        Match match;
        if (Originator.byRule(ms) == Originator.SBC) {
            match = Match.DERIVED;
            notes.add("By Microsoft's rule, a Microsoft code starting with 560 means your SBC (or the carrier behind it) "
                    + "generated the final SIP response" + (implied != null ? ", here SIP " + implied : "")
                    + ". Start with the SBC's logs for this call.");
            warnings.add("The pair is not in the catalog: the explanation comes from the rule, not from an official entry.");
        } else {
            match = Match.UNKNOWN;
            notes.add("Microsoft codes that do not start with 560 come from a Microsoft service; this one is not in any "
                    + "official table the catalog holds.");
            warnings.add("Microsoft code " + ms + " is not in the catalog.");
        }
        if (sip != null && catalog.sipCode(sip).isEmpty()) {
            warnings.add("SIP " + sip + " is not a registered SIP response code.");
        }
        return answer(ms, sip, phrase, Originator.byRule(ms), match, warnings, notes, List.of());
    }

    /**
     * What the trace said beside the codes: the Q.850 cause (with what the catalog says of it), and who sent the
     * response when the codes cannot tell (a SIP code alone, or sources that disagree).
     */
    private Answer withEvidence(Answer answer, Integer q850Cause, SenderEvidence sender) {
        Originator originator = answer.originator();
        List<String> notes = answer.notes();
        if (sender != null && originator == Originator.UNKNOWN && answer.match() != Match.RULE) {
            originator = sender.originator();
            notes = new ArrayList<>(notes);
            notes.removeIf(n -> n.startsWith("A SIP code alone does not say who generated it."));
            notes.add(0, "The response's own header \u201C" + abbreviate(sender.header()) + "\u201D names "
                    + (sender.originator() == Originator.MICROSOFT ? "a Microsoft component: Microsoft sent it."
                    : "a device on your side of the trunk (your SBC, or the carrier or PBX behind it): it sent it."));
        }
        Q850Cause q850 = q850Cause == null ? null : catalog.q850Cause(q850Cause).orElse(null);
        if (q850Cause != null) {
            notes = new ArrayList<>(notes);
            if (q850 == null) {
                notes.add("Q.850 cause " + q850Cause + " came with it; the catalog does not list that cause.");
            } else if (answer.match() == Match.Q850_CAUSE) {
                notes.add("Q.850 cause " + q850Cause + " (" + q850.name() + "): " + q850.meaning().strip());
            } else if (answer.sipCode() != null && !q850.sipCodes().isEmpty()
                    && !q850.sipCodes().contains(answer.sipCode())) {
                notes.add("Q.850 cause " + q850Cause + " (" + q850.name() + ") usually becomes SIP "
                        + q850.sipCodes().get(0) + " (RFC 3398), not " + answer.sipCode()
                        + ": the SBC or the carrier mapped it its own way, which is worth a look in its configuration.");
            }
        }
        if (q850Cause == null && originator == answer.originator()) {
            return answer;
        }
        return new Answer(answer.microsoftCode(), answer.sipCode(), answer.phrase(), originator, answer.match(),
                answer.occurrences(), answer.warnings(), notes, answer.entries(), answer.sip(), q850Cause, q850,
                answer.rule());
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 79) + "\u2026";
    }

    private static boolean listsPair(CatalogEntry entry, String ms, int sip) {
        return Objects.equals(entry.microsoftCode(), ms) && entry.sipCodes().contains(sip);
    }

    /** Warns when the codes contradict the 560 rule: 560403 reported with SIP 404. */
    private static void checkRule(String ms, int sip, List<String> warnings) {
        Integer implied = Originator.impliedSipCode(ms);
        if (implied != null && implied != sip) {
            warnings.add("These codes contradict each other: by Microsoft's rule " + ms + " means the SBC sent SIP "
                    + implied + ", but the SIP code given is " + sip + ". Check that both come from the same call.");
        }
    }

    private static void addSourceDisagreements(List<CatalogEntry> entries, List<String> warnings) {
        if (entries.stream().map(CatalogEntry::originator).distinct().count() > 1) {
            warnings.add("Official sources disagree on who generated this response; see each entry's originator note.");
        }
    }

    private Answer answer(String ms, Integer sip, String phrase, Originator originator, Match match,
                          List<String> warnings, List<String> notes, List<CatalogEntry> entries) {
        SipCodeInfo info = sip == null ? null : catalog.sipCode(sip).orElse(null);
        return new Answer(ms, sip, phrase, originator, match, 1, warnings, notes, entries, info, null, null, null);
    }

    /** The originator of the best entry (entries may override the rule); the rule when there is none. */
    private static Originator originatorOf(String ms, List<CatalogEntry> entries) {
        return entries.isEmpty() ? Originator.byRule(ms) : entries.get(0).originator();
    }

    private static Originator commonOriginator(List<CatalogEntry> entries) {
        List<Originator> distinct = entries.stream().map(CatalogEntry::originator).distinct().toList();
        return distinct.size() == 1 ? distinct.get(0) : Originator.UNKNOWN;
    }

    /**
     * Entries whose phrase matches the given one first (picks the variant among several for one pair), also after
     * Microsoft reworded it a little.
     */
    private List<CatalogEntry> byPhrase(List<CatalogEntry> entries, String phrase) {
        if (phrase == null || entries.size() < 2) {
            return entries;
        }
        String wanted = phrases.tolerant(phrase).orElse(Phrases.normalize(phrase));
        return entries.stream()
                .sorted(Comparator.comparingInt(e -> e.hasPhrase(wanted) ? 0 : 1))
                .toList();
    }

    private static String sipList(List<CatalogEntry> entries) {
        List<Integer> codes = entries.stream().flatMap(e -> e.sipCodes().stream()).distinct().sorted().toList();
        if (codes.isEmpty()) {
            return "no SIP code";
        }
        return "SIP " + String.join(", ", codes.stream().map(String::valueOf).toList());
    }

    private static String pairLabel(CatalogEntry entry) {
        String sips = entry.sipCodes().stream().map(String::valueOf).reduce((a, b) -> a + "," + b).orElse("-");
        return (entry.microsoftCode() == null ? "-" : entry.microsoftCode()) + "/" + sips;
    }
}
