package dev.callcodes.cards;

import com.fasterxml.jackson.databind.JsonNode;
import dev.callcodes.catalog.Catalog;
import dev.callcodes.catalog.Families;
import dev.callcodes.catalog.Originator;
import dev.callcodes.catalog.explain.Answer;
import dev.callcodes.catalog.explain.Match;
import dev.callcodes.catalog.report.ReportSummary;
import dev.callcodes.catalog.explanation.Explanation;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Fills the cards for an explanation, by the kind of reply it makes ({@link dev.callcodes.catalog.explanation.ReplyKind},
 * decided once in the catalog): help, one answer card per reference, a summary card whose rows open each pair below
 * it, or a report's summary card. Thread-safe.
 */
public final class AnswerCards {

    /** Notifications and chat lists show about one line. */
    static final int SUMMARY_LENGTH = 120;

    static final List<Map.Entry<String, String>> EXAMPLES = List.of(
            Map.entry("510559 403", "what is 510559 403"),
            Map.entry("560403", "560403"),
            Map.entry("SIP 488", "SIP 488"),
            Map.entry("Phrase", "Forbidden; Call rejected"),
            Map.entry("Admin center row", "Final SIP code: 504, Final Microsoft subcode: 569008"));

    static final List<Map.Entry<String, String>> COMMANDS = List.of(
            Map.entry("Codes", "Send the SIP code and the Microsoft code, in any order: 510559 403"),
            Map.entry("Paste", "Rows, CSV exports, Graph or ACS JSON, SIP traces: a summary with every code counted"),
            Map.entry("Upload", "In our personal chat, send the admin center's CSV export or its .zip"),
            Map.entry("search", "Finds codes by their words, typos and all: search certificate expired"),
            Map.entry("help", "Shows this card"));

    private final CardTemplates templates = new CardTemplates();
    private final Families families;

    /** Cards for the answers of this catalog: its families.yaml gives the families' labels. */
    public AnswerCards(Catalog catalog) {
        this.families = Objects.requireNonNull(catalog, "catalog").families();
    }

    /** The cards for an explanation, by the kind of reply it makes; a report's summary says it is "Pasted report". */
    public List<Card> forExplanation(Explanation explanation) {
        return forExplanation(explanation, "Pasted report");
    }

    /** The cards for an explanation; {@code source} names a report (a file name, "Pasted report"). */
    public List<Card> forExplanation(Explanation explanation, String source) {
        return switch (explanation.kind()) {
            case HELP -> List.of(help("I found no call codes in that message."));
            case ANSWER, CAROUSEL -> explanation.answers().stream().map(this::forAnswer).toList();
            case SUMMARY -> List.of(summary(explanation.answers()));
            case REPORT -> List.of(report(explanation.report().orElseThrow(), source));
        };
    }

    /** The summary card of a report; {@code source} says where it came from (a file name, "Pasted report"). */
    public Card report(ReportSummary summary, String source) {
        return card(CardTemplates.SUMMARY, CardData.report(summary, source));
    }

    /** The card for one answer: the answer card, the SIP-code card, or the card for codes not in the catalog. */
    public Card forAnswer(Answer answer) {
        Filled filled = fill(answer);
        return card(filled.template(), filled.data());
    }

    /** Which template an answer takes, and its data. */
    record Filled(String template, JsonNode data) {
    }

    Filled fill(Answer answer) {
        if (answer.match() == Match.RULE) {
            return new Filled(CardTemplates.SIP_CODE, CardData.rule(answer, families));
        }
        if (answer.match() == Match.SIP_CODE && answer.sip() != null) {
            return new Filled(CardTemplates.SIP_CODE, CardData.sipCode(answer, answer.sip(), families));
        }
        if (answer.entries().isEmpty()) {
            return new Filled(CardTemplates.UNLISTED, CardData.unlisted(answer));
        }
        return new Filled(CardTemplates.ANSWER, CardData.answer(answer, families));
    }

    public Card summary(List<Answer> answers) {
        return card(CardTemplates.SUMMARY, CardData.summary(answers));
    }

    public Card help(String greeting) {
        return card(CardTemplates.HELP, CardData.help(greeting, EXAMPLES, COMMANDS));
    }

    /** The compact card a message-extension result list shows. */
    public Card preview(Answer answer) {
        return card(CardTemplates.PREVIEW, CardData.preview(answer));
    }

    /** Who generated a code, in the words the cards use: for a result list's line, which has no template. */
    public static String originatorLabel(Originator originator) {
        return Labels.originatorBadge(originator);
    }

    /** Expands a named template with the given data; for golden and conformance tests. */
    JsonNode expand(String template, JsonNode data) {
        return templates.get(template).expand(data);
    }

    private Card card(String template, JsonNode data) {
        JsonNode content = expand(template, data);
        String fallback = content.path("fallbackText").asText("");
        return new Card(template, content, fallback.length() <= SUMMARY_LENGTH ? fallback
                : fallback.substring(0, SUMMARY_LENGTH - 1) + "\u2026");
    }
}
