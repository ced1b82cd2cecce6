package dev.callcodes.cards;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.callcodes.catalog.CodeLabels;
import dev.callcodes.catalog.Originator;
import dev.callcodes.catalog.Wording;
import dev.callcodes.catalog.explain.Answer;
import dev.callcodes.catalog.intake.QueryText;

import java.util.List;

/**
 * The typed data of one card: a record per template whose components are the fields the template binds, turned
 * into the template's data by Jackson. Every component is always present and never null (the template language
 * keeps an undefined binding as written, and cannot print null inside text), and user text is passed through as a
 * value: the engine never evaluates it.
 */
sealed interface CardData permits AnswerCard, SipCodeCard, UnlistedCard, SummaryCard, HelpCard, PreviewCard {

    ObjectMapper JSON = new ObjectMapper();
    int MAX_SPOKEN = 300;

    /** The template this data fills. */
    default String template() {
        return CardTemplates.nameOf(getClass());
    }

    /** The data as the template engine reads it. */
    default JsonNode tree() {
        return JSON.valueToTree(this);
    }

    /** The top of an answer or unlisted card: who generated the response, then warnings and notes. */
    record Header(String originatorBadge, String originatorHint, String originatorColor,
                  String originatorStyle, boolean hasWarnings, List<String> warnings, List<String> notes) {
        static Header of(Answer a) {
            Originator o = a.originator();
            return new Header(Wording.originatorBadge(o), Wording.originatorHint(o), Labels.originatorColor(o),
                    Labels.originatorStyle(o), !a.warnings().isEmpty(), a.warnings(), a.notes());
        }
    }

    /** The Q.850 cause beside the SIP code, when the trace or event gave one. */
    record Q850(boolean hasQ850, String q850Text) {
        static final Q850 NONE = new Q850(false, "");

        static Q850 of(Answer a) {
            return a.q850Cause() == null ? NONE : new Q850(true, a.q850Cause()
                    + (a.q850() == null ? " (not in the catalog)" : " " + a.q850().name()));
        }
    }

    /** An official page's button. */
    record Source(String title, String url) {
        static List<Source> of(List<String> urls) {
            return urls.stream().map(url -> new Source(Labels.sourceTitle(url), url)).toList();
        }
    }

    /** The pair, or {@code otherwise} when the answer has no code (a phrase). */
    static String label(Answer a, String otherwise) {
        return a.microsoftCode() != null || a.sipCode() != null ? CodeLabels.pair(a.microsoftCode(), a.sipCode()) : otherwise;
    }

    static String phraseOf(Answer a) {
        if (!a.entries().isEmpty()) {
            return a.entries().get(0).phrase();
        }
        return a.phrase() == null ? "" : a.phrase();
    }

    /** What to send to explain this again (a card button, a summary row): the one query writer's text. */
    static String query(String microsoftCode, Integer sipCode, String phrase) {
        if (microsoftCode == null && sipCode == null) {
            return phrase == null ? "" : phrase;
        }
        return QueryText.of(microsoftCode, sipCode);
    }

    static String fallback(String title, String phrase, Originator originator, String text) {
        return title + (phrase.isEmpty() ? "" : ": " + phrase) + ". " + Wording.originatorBadge(originator) + ". " + text;
    }

    static String spoken(String text) {
        return text.length() <= MAX_SPOKEN ? text : text.substring(0, MAX_SPOKEN - 1) + "\u2026";
    }

    /** Marks the components Jackson writes inline, for readers of the records (the consistency test). */
    static boolean unwrapped(java.lang.reflect.RecordComponent component) {
        return component.getAccessor().isAnnotationPresent(JsonUnwrapped.class);
    }
}
