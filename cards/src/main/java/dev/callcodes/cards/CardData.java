package dev.callcodes.cards;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.callcodes.catalog.CatalogEntry;
import dev.callcodes.catalog.CodeLabels;
import dev.callcodes.catalog.Originator;
import dev.callcodes.catalog.SipCodeInfo;
import dev.callcodes.catalog.explain.Answer;
import dev.callcodes.catalog.explain.Match;

import java.util.Comparator;
import java.util.List;
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
    private static final int MAX_SPOKEN = 300;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private CardData() {
    }

    static ObjectNode answer(Answer a) {
        CatalogEntry primary = a.entries().get(0);
        ObjectNode data = header(a, title(a), phraseOf(a));
        data.put("matchLabel", a.match().label());
        data.put("occurrences", a.occurrences());
        data.put("seenText", a.occurrences() + " times in what you sent");
        data.set("entry", entry(primary, a.sipCode()));
        List<CatalogEntry> others = a.entries().subList(1, a.entries().size());
        data.put("hasVariants", !others.isEmpty());
        data.put("variantsTitle", (a.match() == Match.PHRASE ? "Also listed with this phrase (" : "Also published for these codes (")
                + others.size() + ")");
        ArrayNode variants = data.putArray("variants");
        others.forEach(e -> variants.add(entry(e, a.sipCode())));
        data.put("hasRelated", !primary.related().isEmpty());
        data.put("fallbackText", fallback(data.get("title").asText(), primary.phrase(), a.originator(), primary.summary()));
        data.put("speak", spoken(data.get("title").asText() + ". " + Labels.originatorBadge(a.originator()) + ". " + primary.summary()));
        return data;
    }

    static ObjectNode sipCode(Answer a, SipCodeInfo info) {
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
            row.put("familyLabel", Labels.family(e.family()));
            row.put("query", e.microsoftCode() != null ? e.microsoftCode() + " " + info.code() : "SIP " + info.code());
        }
        int more = entries.size() - codes.size();
        data.put("hasMore", more > 0);
        data.put("moreText", "and " + more + " more: search for the words of your error to narrow them down.");
        data.set("sources", sources(info.sources()));
        data.put("fallbackText", title + ". " + info.meaning());
        data.put("speak", spoken(title + ". " + info.meaning()));
        return data;
    }

    static ObjectNode unlisted(Answer a) {
        String title = a.microsoftCode() != null || a.sipCode() != null ? pair(a.microsoftCode(), a.sipCode())
                : "\u201C" + a.phrase() + "\u201D";
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
        data.put("hasFqdns", false);
        data.putArray("fqdns");
        data.put("fallbackText", data.get("title").asText() + ". " + ranked.stream().limit(5)
                .map(a -> a.occurrences() + "x " + pair(a.microsoftCode(), a.sipCode())).collect(Collectors.joining(", ")));
        data.put("speak", spoken(data.get("title").asText()));
        return data;
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

    static ObjectNode entry(CatalogEntry e, Integer sipCode) {
        ObjectNode node = NODES.objectNode();
        node.put("id", e.id());
        node.put("family", e.family());
        node.put("familyLabel", Labels.family(e.family()));
        node.put("pair", pair(e.microsoftCode(), e.sipCodeFor(sipCode)));
        node.put("phrase", e.phrase());
        node.put("summary", e.summary());
        node.put("cause", e.cause());
        ArrayNode steps = node.putArray("steps");
        for (int i = 0; i < e.steps().size(); i++) {
            steps.addObject().put("label", (i + 1) + ".").put("text", e.steps().get(i));
        }
        node.put("appliesTo", e.appliesTo().stream().map(Labels::product).collect(Collectors.joining(", ")));
        node.put("hasOriginatorNote", e.originatorNote() != null);
        node.put("originatorNote", e.originatorNote() == null ? "" : e.originatorNote());
        node.set("sourceNotes", strings(e.sourceNotes()));
        node.set("sources", sources(e.sources()));
        ArrayNode related = node.putArray("related");
        for (String code : e.related()) {
            boolean sip = code.length() == 3;
            related.addObject().put("label", sip ? "SIP " + code : code).put("query", sip ? "SIP " + code : code);
        }
        return node;
    }

    private static ArrayNode sources(List<String> urls) {
        ArrayNode array = NODES.arrayNode();
        urls.forEach(url -> array.addObject().put("title", Labels.sourceTitle(url)).put("url", url));
        return array;
    }

    private static void share(ObjectNode data, String key, int count, int total) {
        data.put(key + "Share", total == 0 ? "0%" : Math.round(100.0 * count / total) + "%");
        data.put(key + "Count", count + " of " + total);
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

    /** What to send to explain this answer again (a card button, a summary row). */
    static String query(Answer a) {
        if (a.microsoftCode() != null && a.sipCode() != null) {
            return "Final SIP code: " + a.sipCode() + ", Final Microsoft subcode: " + a.microsoftCode();
        }
        if (a.microsoftCode() != null) {
            return "Final Microsoft subcode: " + a.microsoftCode();
        }
        if (a.sipCode() != null) {
            return "SIP " + a.sipCode();
        }
        return a.phrase() == null ? "" : a.phrase();
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
