package dev.callcodes.cards;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.callcodes.catalog.CatalogEntry;
import dev.callcodes.catalog.CodeLabels;
import dev.callcodes.catalog.Families;
import dev.callcodes.catalog.Originator;
import dev.callcodes.catalog.SipCodeInfo;
import dev.callcodes.catalog.explain.Answer;
import dev.callcodes.catalog.explain.CodeRule;
import dev.callcodes.catalog.explain.Match;
import dev.callcodes.catalog.intake.QueryText;
import dev.callcodes.catalog.report.ReportSummary;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The data each template binds to, built from answers. Every field a template uses is always present and never
 * null (the template language keeps an undefined binding as written, and cannot print null inside text), and user
 * text is passed through as a value: the engine never evaluates it.
 */
final class CardData {

    static final int MAX_SIP_CODE_ROWS = 20;
    static final int MAX_SUMMARY_ROWS = 15;
    /** SBCs, call types and problems shown; the JSON and the CSV carry them all. */
    static final int MAX_REPORT_GROUPS = 5;
    private static final int MAX_SPOKEN = 300;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private CardData() {
    }

    static ObjectNode answer(Answer a, Families families) {
        CatalogEntry primary = a.entries().get(0);
        ObjectNode data = header(a, title(a), phraseOf(a));
        data.put("matchLabel", a.match().label());
        data.put("occurrences", a.occurrences());
        data.put("seenText", a.occurrences() + " times in what you sent");
        data.set("entry", entry(primary, a.sipCode(), families));
        List<CatalogEntry> others = a.entries().subList(1, a.entries().size());
        data.put("hasVariants", !others.isEmpty());
        data.put("variantsTitle", (a.match() == Match.PHRASE ? "Also listed with this phrase (" : "Also published for these codes (")
                + others.size() + ")");
        ArrayNode variants = data.putArray("variants");
        others.forEach(e -> variants.add(entry(e, a.sipCode(), families)));
        data.put("hasRelated", !primary.related().isEmpty());
        q850(data, a);
        data.put("fallbackText", fallback(data.get("title").asText(), primary.phrase(), a.originator(), primary.summary()));
        data.put("speak", spoken(data.get("title").asText() + ". " + Labels.originatorBadge(a.originator()) + ". " + primary.summary()));
        return data;
    }

    static ObjectNode sipCode(Answer a, SipCodeInfo info, Families families) {
        ObjectNode data = NODES.objectNode();
        String title = "SIP " + info.code() + " " + info.reasonPhrase();
        data.put("title", title);
        data.put("registration", info.iana() ? "Registered SIP response code, " + info.rfc()
                : "Not a registered SIP code: Microsoft's tables use it with their own meaning");
        data.put("meaning", info.meaning());
        data.put("inTeams", info.inTeams());
        data.put("whoSentIt", "Who sent it? A SIP code alone does not say: the Microsoft code beside it in the call record "
                + "does (one starting with 560 means your SBC).");
        List<CatalogEntry> entries = a.entries();
        data.put("hasCodes", !entries.isEmpty());
        data.put("codesTitle", "Codes published with SIP " + info.code() + " (" + entries.size() + ")");
        ArrayNode codes = data.putArray("codes");
        for (CatalogEntry e : entries.subList(0, Math.min(MAX_SIP_CODE_ROWS, entries.size()))) {
            ObjectNode row = codes.addObject();
            String code = e.microsoftCode() != null ? e.microsoftCode() : "SIP " + info.code();
            row.put("code", code);
            row.put("pair", pair(e.microsoftCode(), info.code()));
            row.put("phrase", e.phrase());
            row.put("familyLabel", families.label(e.family()));
            row.put("query", QueryText.of(e.microsoftCode(), info.code()));
        }
        int more = entries.size() - codes.size();
        data.put("hasMore", more > 0);
        data.put("moreText", "and " + more + " more: search for the words of your error to narrow them down.");
        data.set("sources", sources(info.sources()));
        q850(data, a);
        data.put("fallbackText", title + ". " + info.meaning());
        data.put("speak", spoken(title + ". " + info.meaning()));
        return data;
    }

    static ObjectNode unlisted(Answer a) {
        String title = a.microsoftCode() != null || a.sipCode() != null ? pair(a.microsoftCode(), a.sipCode())
                : a.phrase() != null ? "\u201C" + a.phrase() + "\u201D"
                : "Q.850 cause " + a.q850Cause() + (a.q850() == null ? "" : " " + a.q850().name());
        ObjectNode data = header(a, title, "");
        data.put("matchLabel", a.match().label());
        data.put("hasNotes", !a.notes().isEmpty());
        SipCodeInfo sip = a.sip();
        data.put("hasSip", sip != null);
        data.put("sipTitle", sip == null ? "" : "SIP " + sip.code() + " " + sip.reasonPhrase() + " in general");
        data.put("sipMeaning", sip == null ? "" : sip.meaning());
        data.put("sipInTeams", sip == null ? "" : sip.inTeams());
        data.put("nextStep", a.originator() == Originator.SBC
                ? "Next: find the call in your SBC's logs by time and number, and read which side sent the response and why."
                : "Next: search for the words of the error, or open the official code pages below.");
        data.set("sources", sources(sip != null ? sip.sources() : List.of(
                "https://learn.microsoft.com/en-us/microsoftteams/troubleshoot/phone-system/direct-routing/microsoft-sip-response-codes")));
        data.put("fallbackText", fallback(title, "", a.originator(), String.join(" ", a.notes())));
        data.put("speak", spoken(title + ". " + a.match().label()));
        return data;
    }

    static ObjectNode summary(List<Answer> answers) {
        int total = answers.stream().mapToInt(Answer::occurrences).sum();
        Map<Originator, Integer> byOriginator = answers.stream().collect(Collectors.groupingBy(
                Answer::originator, Collectors.summingInt(Answer::occurrences)));
        ObjectNode data = NODES.objectNode();
        data.put("title", total + (total == 1 ? " code" : " codes") + " in what you sent");
        data.put("subtitle", answers.size() + " distinct " + (answers.size() == 1 ? "pair" : "pairs")
                + "; the share of each sender counts every occurrence.");
        noReportSections(data);
        data.put("hasFailures", true);
        data.put("rowsTitle", "Codes, most frequent first");
        share(data, "sbc", byOriginator.getOrDefault(Originator.SBC, 0), total);
        share(data, "microsoft", byOriginator.getOrDefault(Originator.MICROSOFT, 0), total);
        share(data, "unknown", byOriginator.getOrDefault(Originator.UNKNOWN, 0), total);
        List<Answer> ranked = answers.stream()
                .sorted(Comparator.comparingInt(Answer::occurrences).reversed()).toList();
        ArrayNode rows = data.putArray("rows");
        for (Answer a : ranked.subList(0, Math.min(MAX_SUMMARY_ROWS, ranked.size()))) {
            ObjectNode row = rows.addObject();
            row.put("countText", a.occurrences() + "\u00D7");
            row.put("pair", a.microsoftCode() != null || a.sipCode() != null ? pair(a.microsoftCode(), a.sipCode()) : "Phrase");
            row.put("originatorLabel", Labels.originatorShort(a.originator()));
            row.put("phrase", phraseOf(a).isEmpty() ? "Not in the catalog" : phraseOf(a));
            row.put("query", query(a));
        }
        int more = ranked.size() - rows.size();
        data.put("hasMoreRows", more > 0);
        data.put("moreRowsText", "and " + more + " less frequent " + (more == 1 ? "pair" : "pairs") + ".");
        data.put("fallbackText", data.get("title").asText() + ". " + ranked.stream().limit(5)
                .map(a -> a.occurrences() + "x " + pair(a.microsoftCode(), a.sipCode())).collect(Collectors.joining(", ")));
        data.put("speak", spoken(data.get("title").asText()));
        return data;
    }

    private static void noReportSections(ObjectNode data) {
        data.put("hasFacts", false);
        data.putArray("facts");
        data.put("hasProblems", false);
        data.put("problemsTitle", "");
        data.putArray("problems");
        data.put("hasFqdns", false);
        data.putArray("fqdns");
        data.put("hasCallTypes", false);
        data.putArray("callTypes");
        data.putArray("notes");
    }

    /** A report's summary: the counts as facts, what could not be read, the split, the pairs, SBCs and call types. */
    static ObjectNode report(ReportSummary s, String source) {
        ObjectNode data = NODES.objectNode();
        data.put("title", String.format(Locale.ROOT, "%,d failed %s of %,d", s.failedCalls(),
                s.failedCalls() == 1 ? "call" : "calls", s.rowsRead()));
        data.put("subtitle", source + (s.first() == null ? "" : ", " + Labels.period(s.first(), s.last())));
        noReportSections(data);
        List<Map.Entry<String, String>> facts = new ArrayList<>();
        facts.add(Map.entry("Calls read", number(s.rowsRead())));
        facts.add(Map.entry("Failed", number(s.failedCalls()) + " (" + percent(s.failedCalls(), s.rowsRead()) + ")"));
        facts.add(Map.entry("Ended normally", number(s.succeededCalls())));
        if (s.answeredElsewhere() > 0) {
            facts.add(Map.entry("Answered elsewhere (540200)", number(s.answeredElsewhere())));
        }
        if (s.notCalls() > 0) {
            facts.add(Map.entry("Not calls (OPTIONS and the like)", number(s.notCalls())));
        }
        if (s.rowsWithoutCodes() > 0) {
            facts.add(Map.entry("Without codes", number(s.rowsWithoutCodes())));
        }
        if (s.unreadableRows() > 0) {
            facts.add(Map.entry("Could not read", number(s.unreadableRows())));
        }
        data.put("hasFacts", true);
        ArrayNode factNodes = data.putArray("facts");
        facts.forEach(f -> factNodes.addObject().put("title", f.getKey()).put("value", f.getValue()));
        if (s.unreadableRows() > 0) {
            data.put("hasProblems", true);
            data.put("problemsTitle", String.format(Locale.ROOT, "%,d %s could not be read and %s not counted above",
                    s.unreadableRows(), s.unreadableRows() == 1 ? "row" : "rows", s.unreadableRows() == 1 ? "is" : "are"));
            ArrayNode problems = data.putArray("problems");
            s.problems().stream().limit(MAX_REPORT_GROUPS).forEach(p -> problems.addObject().put("text",
                    String.format(Locale.ROOT, "Line %d: %s (%,d %s)", p.firstLine(), p.reason(), p.rows(),
                            p.rows() == 1 ? "row" : "rows")));
        }
        long failed = s.failedCalls();
        data.put("hasFailures", failed > 0);
        data.put("rowsTitle", "Failed calls by code, most frequent first");
        share(data, "sbc", s.originators().sbc(), failed);
        share(data, "microsoft", s.originators().microsoft(), failed);
        share(data, "unknown", s.originators().unknown(), failed);
        ArrayNode rows = data.putArray("rows");
        for (ReportSummary.PairCount p : s.pairs().subList(0, Math.min(MAX_SUMMARY_ROWS, s.pairs().size()))) {
            ObjectNode row = rows.addObject();
            row.put("countText", number(p.count()) + "\u00D7 " + percent(p.count(), failed));
            row.put("pair", pair(p.microsoftCode(), p.sipCode()));
            row.put("originatorLabel", Labels.originatorShort(p.originator()));
            row.put("phrase", p.phrase() == null ? "Not in the catalog" : p.phrase());
            row.put("query", query(p.microsoftCode(), p.sipCode(), p.phrase()));
        }
        long more = s.pairs().size() - rows.size();
        data.put("hasMoreRows", more > 0 || s.pairsNotListed() > 0);
        data.put("moreRowsText", more > 0 ? "and " + more + " less frequent " + (more == 1 ? "pair" : "pairs")
                + (s.pairsNotListed() > 0 ? ", and " + number(s.pairsNotListed()) + " calls with rarer pairs." : ".")
                : number(s.pairsNotListed()) + " failed calls have rarer pairs not listed.");
        groups(data, "hasFqdns", "fqdns", s.bySbc());
        groups(data, "hasCallTypes", "callTypes", s.byCallType());
        ArrayNode notes = data.putArray("notes");
        s.notes().forEach(note -> notes.addObject().put("text", note));
        if (s.morePages() > 0) {
            notes.addObject().put("text", "Graph says more records follow this page (@odata.nextLink): fetch the next "
                    + "pages to cover the whole period.");
        }
        if (s.otherLines() > 0) {
            notes.addObject().put("text", String.format(Locale.ROOT, "%,d %s outside the table %s read for codes only.",
                    s.otherLines(), s.otherLines() == 1 ? "line" : "lines", s.otherLines() == 1 ? "was" : "were"));
        }
        data.put("fallbackText", data.get("title").asText() + ". " + s.pairs().stream().limit(5)
                .map(p -> p.count() + "x " + pair(p.microsoftCode(), p.sipCode())).collect(Collectors.joining(", ")));
        data.put("speak", spoken(data.get("title").asText()));
        return data;
    }

    private static void groups(ObjectNode data, String flag, String key, List<ReportSummary.GroupCount> groups) {
        data.put(flag, !groups.isEmpty());
        ArrayNode nodes = data.putArray(key);
        groups.stream().limit(MAX_REPORT_GROUPS).forEach(g -> nodes.addObject().put("name", g.name())
                .put("countText", String.format(Locale.ROOT, "%s of %s calls failed (%s)", number(g.failed()),
                        number(g.calls()), percent(g.failed(), g.calls()))));
    }

    private static String number(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String percent(long part, long whole) {
        return whole == 0 ? "0%" : Math.round(100.0 * part / whole) + "%";
    }

    static ObjectNode help(String greeting, List<Map.Entry<String, String>> examples,
                           List<Map.Entry<String, String>> commands) {
        ObjectNode data = NODES.objectNode();
        data.put("greeting", greeting);
        ArrayNode exampleNodes = data.putArray("examples");
        examples.forEach(e -> exampleNodes.addObject().put("title", e.getKey()).put("text", e.getValue()));
        ArrayNode commandNodes = data.putArray("commands");
        commands.forEach(c -> commandNodes.addObject().put("name", c.getKey()).put("description", c.getValue()));
        data.put("fallbackText", greeting + " Send me the codes of a failed Teams call, for example: "
                + examples.stream().map(Map.Entry::getValue).collect(Collectors.joining("; ")));
        data.put("speak", spoken(greeting));
        return data;
    }

    static ObjectNode preview(Answer a) {
        ObjectNode data = NODES.objectNode();
        String title = a.microsoftCode() != null || a.sipCode() != null ? pair(a.microsoftCode(), a.sipCode()) : "Phrase";
        data.put("title", title);
        data.put("phrase", phraseOf(a));
        data.put("originatorLabel", Labels.originatorBadge(a.originator()));
        data.put("fallbackText", title + (phraseOf(a).isEmpty() ? "" : ": " + phraseOf(a)));
        return data;
    }

    private static ObjectNode header(Answer a, String title, String phrase) {
        ObjectNode data = NODES.objectNode();
        data.put("title", title);
        data.put("phrase", phrase);
        data.put("originator", a.originator().name());
        data.put("originatorBadge", Labels.originatorBadge(a.originator()));
        data.put("originatorHint", Labels.originatorHint(a.originator()));
        data.put("originatorColor", Labels.originatorColor(a.originator()));
        data.put("originatorStyle", Labels.originatorStyle(a.originator()));
        data.put("hasWarnings", !a.warnings().isEmpty());
        data.set("warnings", strings(a.warnings()));
        data.set("notes", strings(a.notes()));
        return data;
    }

    static ObjectNode entry(CatalogEntry e, Integer sipCode, Families families) {
        ObjectNode node = NODES.objectNode();
        node.put("id", e.id());
        node.put("family", e.family());
        node.put("familyLabel", families.label(e.family()));
        node.put("pair", pair(e.microsoftCode(), e.sipCodeFor(sipCode)));
        node.put("phrase", e.phrase());
        node.put("summary", e.summary());
        node.put("cause", e.cause());
        ArrayNode steps = node.putArray("steps");
        for (int i = 0; i < e.steps().size(); i++) {
            steps.addObject().put("label", (i + 1) + ".").put("text", e.steps().get(i));
        }
        node.put("appliesTo", e.appliesTo().stream().map(families::productLabel).collect(Collectors.joining(", ")));
        node.put("hasOriginatorNote", e.originatorNote() != null);
        node.put("originatorNote", e.originatorNote() == null ? "" : e.originatorNote());
        node.set("sourceNotes", strings(e.sourceNotes()));
        node.set("sources", sources(e.sources()));
        ArrayNode related = node.putArray("related");
        for (String code : e.related()) {
            boolean sip = code.length() == 3;
            related.addObject().put("label", sip ? "SIP " + code : code)
                    .put("query", sip ? QueryText.of(null, Integer.valueOf(code)) : QueryText.of(code, null));
        }
        return node;
    }

    private static ArrayNode sources(List<String> urls) {
        ArrayNode array = NODES.arrayNode();
        urls.forEach(url -> array.addObject().put("title", Labels.sourceTitle(url)).put("url", url));
        return array;
    }

    private static void share(ObjectNode data, String key, long count, long total) {
        data.put(key + "Share", percent(count, total));
        data.put(key + "Count", number(count) + " of " + number(total));
    }

    static String title(Answer a) {
        if (a.microsoftCode() != null || a.sipCode() != null) {
            return pair(a.microsoftCode(), a.sipCode());
        }
        return "Official phrase";
    }

    static String pair(String microsoftCode, Integer sipCode) {
        return CodeLabels.pair(microsoftCode, sipCode);
    }

    private static String phraseOf(Answer a) {
        if (!a.entries().isEmpty()) {
            return a.entries().get(0).phrase();
        }
        return a.phrase() == null ? "" : a.phrase();
    }

    /** What to send to explain this answer again (a card button, a summary row): the one query writer's text. */
    static String query(Answer a) {
        return query(a.microsoftCode(), a.sipCode(), a.phrase());
    }

    static String query(String microsoftCode, Integer sipCode, String phrase) {
        if (microsoftCode == null && sipCode == null) {
            return phrase == null ? "" : phrase;
        }
        return QueryText.of(microsoftCode, sipCode);
    }

    /** The Q.850 cause beside the SIP code, when the trace or event gave one. */
    private static void q850(ObjectNode data, Answer a) {
        data.put("hasQ850", a.q850Cause() != null);
        data.put("q850Text", a.q850Cause() == null ? "" : a.q850Cause()
                + (a.q850() == null ? " (not in the catalog)" : " " + a.q850().name()));
    }

    /** A family of codes named as such: what the rule says, and the catalog's codes in the family to pick from. */
    static ObjectNode rule(Answer a, Families families) {
        CodeRule rule = a.rule();
        ObjectNode data = NODES.objectNode();
        boolean sipClass = rule.kind() == CodeRule.Kind.SIP_CLASS;
        String title = sipClass ? "SIP " + rule.written() + " responses" : "Microsoft codes " + rule.written();
        data.put("title", title);
        data.put("registration", sipClass ? "A class of SIP responses (RFC 3261)"
                : "A family of Microsoft codes, by their first digits");
        data.put("meaning", rule.summary());
        data.put("inTeams", a.notes().size() > 1 ? a.notes().get(1) : "");
        data.put("whoSentIt", Labels.originatorBadge(a.originator()) + ". " + Labels.originatorHint(a.originator()));
        data.put("hasCodes", !a.entries().isEmpty());
        data.put("codesTitle", "Codes in this family in the catalog (" + rule.codesInCatalog() + ")");
        ArrayNode codes = data.putArray("codes");
        for (CatalogEntry e : a.entries()) {
            Integer sip = e.sipCodeFor(null);
            ObjectNode row = codes.addObject();
            row.put("code", e.microsoftCode());
            row.put("pair", pair(e.microsoftCode(), sip));
            row.put("phrase", e.phrase());
            row.put("familyLabel", families.label(e.family()));
            row.put("query", QueryText.of(e.microsoftCode(), sip));
        }
        int more = rule.codesInCatalog() - codes.size();
        data.put("hasMore", more > 0);
        data.put("moreText", "and " + more + " more: send one of them, or search for the words of your error.");
        data.set("sources", sources(rule.sources()));
        data.put("hasQ850", false);
        data.put("q850Text", "");
        data.put("fallbackText", title + ". " + rule.summary());
        data.put("speak", spoken(title + ". " + rule.summary()));
        return data;
    }

    private static String fallback(String title, String phrase, Originator originator, String text) {
        return title + (phrase.isEmpty() ? "" : ": " + phrase) + ". " + Labels.originatorBadge(originator) + ". " + text;
    }

    private static String spoken(String text) {
        return text.length() <= MAX_SPOKEN ? text : text.substring(0, MAX_SPOKEN - 1) + "\u2026";
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode array = NODES.arrayNode();
        values.forEach(array::add);
        return array;
    }
}
