package dev.callcodes.cards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.callcodes.catalog.Catalog;
import dev.callcodes.catalog.CatalogEntry;
import dev.callcodes.catalog.SipCodeInfo;
import dev.callcodes.catalog.explain.Answer;
import dev.callcodes.catalog.explanation.CallCodes;
import dev.callcodes.catalog.intake.QueryText;
import dev.callcodes.catalog.intake.ReadingBudget;
import dev.callcodes.catalog.report.ReportSummary;
import dev.callcodes.catalog.report.SyntheticExport;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Template data for tests: what the product produces for every catalog entry and SIP code, and synthetic variants of
 * each template's data with hostile, empty and missing values.
 */
final class CardCases {

    /** Text a user might send or a catalog might hold that must come out as the same text. */
    static final List<String> HOSTILE = List.of(
            "Say \"hi\" and 'bye'",
            "line one\nline two\r\n\ttabbed",
            "C:\\path\\to\\file \\n is not a newline",
            "costs $5, ${notAVariable}, ${1+1}, $root, \\${escaped} and ${",
            "**bold** _italic_ [link](https://example.invalid) # heading\n- list item",
            "<script>alert('x')</script><b>html</b> &amp; &lt;at&gt;",
            "\u00DCn\u00EFc\u00F6d\u00E9 \u2014 \u2019quotes\u2019 \uD83D\uDE00 \u4E2D\u6587 \u05E2\u05D1\u05E8\u05D9\u05EA",
            "",
            "   ");

    record Case(String id, String template, JsonNode data, boolean productOutput) {
        /** What the product makes. */
        static Case of(String id, CardData data) {
            return new Case(id, data.template(), data.tree(), true);
        }
    }

    static final Catalog CATALOG = Catalog.loadEmbedded();
    static final CallCodes CODES = CallCodes.of(CATALOG);
    static final AnswerCards CARDS = new AnswerCards(CATALOG);

    private CardCases() {
    }

    /** The query the cards themselves write for this entry: the one writer, which reads back to the pair. */
    static String queryFor(CatalogEntry e) {
        return QueryText.of(e.microsoftCode(), e.sipCodes().isEmpty() ? null : e.sipCodes().get(0));
    }

    /** The answers for a text, as every surface gets them. */
    static List<Answer> answers(String text) {
        return CODES.explain(text).answers();
    }

    /** Every card the product makes for the catalog: one per entry, one per SIP code, and the other kinds. */
    static List<Case> productCases() {
        List<Case> cases = new ArrayList<>();
        for (CatalogEntry e : CATALOG.entries()) {
            cases.add(productCase("entry:" + e.id(), answers(queryFor(e)).get(0)));
        }
        for (SipCodeInfo info : CATALOG.sipCodes()) {
            Answer answer = answers("Final SIP code: " + info.code()).get(0);
            cases.add(Case.of("sip:" + info.code(), SipCodeCard.of(answer, info, CATALOG.families())));
        }
        for (String text : List.of("560999", "560499 499", "599999 500", "Final SIP code: 455", "12345 403")) {
            cases.add(productCase("unlisted:" + text, answers(text).get(0)));
        }
        for (int i = 0; i < HOSTILE.size(); i++) {
            String text = "Final SIP code: 403, Final Microsoft subcode: 510559, Final SIP phrase: " + HOSTILE.get(i).replace('\n', ' ');
            cases.add(productCase("user-phrase-with-codes:" + i, answers(text).get(0)));
            List<Answer> phraseOnly = answers("Final SIP phrase: \"" + HOSTILE.get(i).replace('\n', ' ').replace('"', '\'') + "\"");
            if (!phraseOnly.isEmpty()) {
                cases.add(productCase("user-phrase-alone:" + i, phraseOnly.get(0)));
                cases.add(Case.of("preview-user-phrase:" + i, PreviewCard.of(phraseOnly.get(0))));
            }
        }
        cases.add(Case.of("summary:report", SummaryCard.ofAnswers(answers(report()))));
        cases.add(Case.of("summary:export", SummaryCard.ofReport(export(), "export.csv")));
        cases.add(Case.of("help:welcome", HelpCard.of("Hi, I'm CallCodes.")));
        cases.add(Case.of("preview:510559", PreviewCard.of(answers("510559 403").get(0))));
        cases.add(Case.of("preview:sip", PreviewCard.of(answers("SIP 486").get(0))));
        return cases;
    }

    private static Case productCase(String id, Answer answer) {
        return Case.of(id, CARDS.fill(answer));
    }

    /** One typical data set per template, the seed of the synthetic variants. */
    static Map<String, JsonNode> typical() {
        Map<String, JsonNode> typical = new LinkedHashMap<>();
        for (CardData data : List.of(AnswerCard.of(answers("569002 504").get(0), CATALOG.families()),
                SipCodeCard.of(answers("SIP 488").get(0), CATALOG.sipCode(488).orElseThrow(), CATALOG.families()),
                UnlistedCard.of(answers("560499 499").get(0)), SummaryCard.ofReport(export(), "DirectRoutingReport.csv"),
                HelpCard.of("Hi, I'm CallCodes."), PreviewCard.of(answers("560403 403").get(0)))) {
            typical.put(data.template(), data.tree());
        }
        return typical;
    }

    /** Variants of each typical data set: typical, every string hostile, every value empty, keys missing. */
    static List<Case> syntheticCases() {
        List<Case> cases = new ArrayList<>();
        typical().forEach((template, data) -> {
            cases.add(new Case(template + "-typical", template, data, true));
            int[] next = {0};
            cases.add(new Case(template + "-hostile", template, mapStrings(data.deepCopy(),
                    s -> HOSTILE.get(next[0]++ % HOSTILE.size())), false));
            cases.add(new Case(template + "-empty", template, emptied(data.deepCopy()), false));
            cases.add(new Case(template + "-missing", template, withoutEveryOtherKey(data.deepCopy()), false));
        });
        return cases;
    }

    /** A generated month of 5,000 calls, two rows garbled, with a line of prose after it. */
    static ReportSummary export() {
        try {
            StringWriter text = new StringWriter();
            SyntheticExport.write(text, 5_000, 7);
            text.write("Exported from the Teams admin center\n");
            return CODES.explain(new StringReader(text.toString()), ReadingBudget.unlimited()).report().orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** More distinct pairs than a carousel holds, some repeated, one per line: the summary card's shape. */
    static String report() {
        StringBuilder text = new StringBuilder();
        String[][] rows = {{"403", "510559"}, {"403", "510559"}, {"403", "560403"}, {"504", "569008"}, {"504", "569008"},
                {"504", "569008"}, {"408", "560408"}, {"480", "10037"}, {"404", "511404"}, {"488", "531000"},
                {"503", "560503"}, {"486", "560486"}, {"487", "540200"}, {"500", "599999"}, {"403", "510562"},
                {"410", "531004"}, {"420", "560420"}, {"422", "540422"}};
        for (String[] row : rows) {
            text.append(row[1]).append(' ').append(row[0]).append('\n');
        }
        return text.toString();
    }

    interface StringMapper {
        String map(String s);
    }

    static JsonNode mapStrings(JsonNode node, StringMapper mapper) {
        if (node.isTextual()) {
            return TextNode.valueOf(mapper.map(node.textValue()));
        }
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                field.setValue(mapStrings(field.getValue(), mapper));
            }
        } else if (node.isArray()) {
            ArrayNode array = (ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                array.set(i, mapStrings(array.get(i), mapper));
            }
        }
        return node;
    }

    private static JsonNode emptied(JsonNode node) {
        if (node.isTextual()) {
            return TextNode.valueOf("");
        }
        if (node.isArray()) {
            return ((ArrayNode) node).removeAll();
        }
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            object.fieldNames().forEachRemaining(name -> object.set(name, emptied(object.get(name))));
        }
        return node;
    }

    private static JsonNode withoutEveryOtherKey(JsonNode node) {
        ObjectNode object = (ObjectNode) node;
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        for (int i = 0; i < names.size(); i += 2) {
            object.remove(names.get(i));
        }
        return object;
    }
}
