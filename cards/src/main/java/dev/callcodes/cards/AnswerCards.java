package dev.callcodes.cards;

import com.fasterxml.jackson.databind.JsonNode;
import dev.callcodes.catalog.Catalog;
import dev.callcodes.catalog.Families;
import dev.callcodes.catalog.explain.Answer;
import dev.callcodes.catalog.explain.Match;
import dev.callcodes.catalog.report.ReportSummary;
import dev.callcodes.catalog.explanation.Explanation;

import java.util.List;
import java.util.Objects;

/**
 * Fills the cards for an explanation, by the kind of reply it makes ({@link dev.callcodes.catalog.explanation.ReplyKind},
 * decided once in the catalog): help, one answer card per reference, a summary card whose rows open each pair below
 * it, or a report's summary card. Thread-safe.
 */
public final class AnswerCards {

    /** Notifications and chat lists show about one line. */
    static final int SUMMARY_LENGTH = 120;

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
        return card(SummaryCard.ofReport(summary, source));
    }

    /** The card for one answer: the answer card, the SIP-code card, or the card for codes not in the catalog. */
    public Card forAnswer(Answer answer) {
        return card(fill(answer));
    }

    /** An answer's data, whose type says which template it takes. */
    CardData fill(Answer answer) {
        if (answer.match() == Match.RULE) {
            return SipCodeCard.ofRule(answer, families);
        }
        if (answer.match() == Match.SIP_CODE && answer.sip() != null) {
            return SipCodeCard.of(answer, answer.sip(), families);
        }
        if (answer.entries().isEmpty()) {
            return UnlistedCard.of(answer);
        }
        return AnswerCard.of(answer, families);
    }

    public Card summary(List<Answer> answers) {
        return card(SummaryCard.ofAnswers(answers));
    }

    public Card help(String greeting) {
        return card(HelpCard.of(greeting));
    }

    /** The compact card a message-extension result list shows. */
    public Card preview(Answer answer) {
        return card(PreviewCard.of(answer));
    }

    /** Expands a named template with the given data; for golden and conformance tests. */
    JsonNode expand(String template, JsonNode data) {
        return templates.get(template).expand(data);
    }

    private Card card(CardData data) {
        String template = data.template();
        JsonNode content = expand(template, data.tree());
        String fallback = content.path("fallbackText").asText("");
        return new Card(template, content, fallback.length() <= SUMMARY_LENGTH ? fallback
                : fallback.substring(0, SUMMARY_LENGTH - 1) + "\u2026");
    }
}
