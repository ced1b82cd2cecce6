package dev.callcodes.catalog.explain;

import dev.callcodes.catalog.Catalog;
import dev.callcodes.catalog.CatalogEntry;
import dev.callcodes.catalog.Originator;
import dev.callcodes.catalog.Phrases;
import dev.callcodes.catalog.PublishedPair;
import dev.callcodes.catalog.SipCodeInfo;
import dev.callcodes.catalog.text.CodeFinder;
import dev.callcodes.catalog.text.CodeReference;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns text into answers: one per distinct reference, in order of first appearance, with how often it appeared.
 * Thread-safe; build once and share.
 */
public final class Explainer {

    private final Catalog catalog;
    private final CodeFinder finder;

    public Explainer(Catalog catalog) {
        this(catalog, new CodeFinder(catalog));
    }

    public Explainer(Catalog catalog, CodeFinder finder) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.finder = Objects.requireNonNull(finder, "finder");
    }

    public Catalog catalog() {
        return catalog;
    }

    public List<Answer> explain(String text) {
        Map<String, CodeReference> firstSeen = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (CodeReference ref : finder.find(text)) {
            String key = ref.hasCode()
                    ? ref.microsoftCode() + "|" + ref.sipCode()
                    : "phrase|" + Phrases.normalize(ref.phrase());
            firstSeen.putIfAbsent(key, ref);
            counts.merge(key, 1, Integer::sum);
        }
        List<Answer> answers = new ArrayList<>(firstSeen.size());
        firstSeen.forEach((key, ref) -> answers.add(explainReference(ref).withOccurrences(counts.get(key))));
        return answers;
    }

    /** The answer for one reference. */
    public Answer explainReference(CodeReference ref) {
        if (ref.microsoftCode() != null && ref.sipCode() != null) {
            return explainPair(ref.microsoftCode(), ref.sipCode(), ref.phrase());
        }
        if (ref.microsoftCode() != null) {
            return explainMicrosoftCode(ref.microsoftCode(), ref.phrase());
        }
        if (ref.sipCode() != null) {
            return explainSipCode(ref.sipCode(), ref.phrase());
        }
        return explainPhrase(ref.phrase());
    }

    private Answer explainPair(String ms, int sip, String phrase) {
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
            List<CatalogEntry> ordered = new ArrayList<>(byPhrase(listed, phrase));
            ordered.addAll(byPhrase(printedAs, phrase));
            addSourceDisagreements(ordered, warnings);
            return answer(ms, sip, phrase, originatorOf(ms, ordered), Match.EXACT, warnings, notes, ordered);
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
        List<CatalogEntry> entries = catalog.byPhrase(phrase);
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
        return new Answer(ms, sip, phrase, originator, match, 1, warnings, notes, entries, info);
    }

    /** The originator of the best entry (entries may override the rule); the rule when there is none. */
    private static Originator originatorOf(String ms, List<CatalogEntry> entries) {
        return entries.isEmpty() ? Originator.byRule(ms) : entries.get(0).originator();
    }

    private static Originator commonOriginator(List<CatalogEntry> entries) {
        List<Originator> distinct = entries.stream().map(CatalogEntry::originator).distinct().toList();
        return distinct.size() == 1 ? distinct.get(0) : Originator.UNKNOWN;
    }

    /** Entries whose phrase matches the given one first (picks the variant among several for one pair). */
    private static List<CatalogEntry> byPhrase(List<CatalogEntry> entries, String phrase) {
        if (phrase == null || entries.size() < 2) {
            return entries;
        }
        String wanted = Phrases.normalize(phrase);
        return entries.stream()
                .sorted(Comparator.comparingInt(e -> Phrases.normalize(e.phrase()).equals(wanted) ? 0 : 1))
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
