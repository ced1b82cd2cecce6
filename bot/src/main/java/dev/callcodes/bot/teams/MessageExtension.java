package dev.callcodes.bot.teams;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.bot.schema.teams.MessagingExtensionAttachment;
import com.microsoft.bot.schema.teams.MessagingExtensionParameter;
import com.microsoft.bot.schema.teams.MessagingExtensionQuery;
import com.microsoft.bot.schema.teams.MessagingExtensionResponse;
import com.microsoft.bot.schema.teams.MessagingExtensionResult;
import dev.callcodes.bot.chat.CodeQueries;
import dev.callcodes.cards.AnswerCards;
import dev.callcodes.catalog.CodeLabels;
import dev.callcodes.catalog.Wording;
import dev.callcodes.catalog.explain.Answer;
import dev.callcodes.catalog.explain.CodeRule;
import dev.callcodes.catalog.explain.Match;
import dev.callcodes.catalog.intake.CodeReference;
import dev.callcodes.catalog.intake.Provenance;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The search box in the compose area, in the two steps Teams intends: the query lists one-line previews as the
 * user types (a few hundred bytes each), and picking one ({@code composeExtension/selectItem}) returns its full
 * answer card to insert. The preview's tap value names the reference (the pair, a phrase, a rule), not the card,
 * so a list of 25 stays a few KB however large the cards are.
 */
final class MessageExtension {

    /** The manifest's search command. */
    static final String SEARCH_COMMAND = "searchCodes";
    static final String QUERY_PARAMETER = "query";
    /** Teams asks for 25 by default; the list shows fewer than that without scrolling. */
    static final int MAX_RESULTS = 25;

    /** The fields of a preview's tap value, which Teams sends back in {@code composeExtension/selectItem}. */
    static final String MICROSOFT_CODE = "microsoftCode";
    static final String SIP_CODE = "sipCode";
    static final String PHRASE = "phrase";
    static final String RULE = "rule";
    static final String Q850_CAUSE = "q850Cause";

    /** A list line shows about this much; the card inserted on selection has the rest. */
    static final int PREVIEW_TEXT_LENGTH = 120;
    private static final int MAX_PHRASE_LENGTH = 300;
    private static final int MAX_VALUE_CHARS = 2_000;
    private static final Pattern MICROSOFT_CODE_SHAPE = Pattern.compile("[0-9]{1,9}");
    private static final Pattern RULE_SHAPE = Pattern.compile("[0-9]{1,6}x{0,5}|[1-6]xx");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CodeQueries queries;
    private final AnswerCards cards;

    MessageExtension(CodeQueries queries, AnswerCards cards) {
        this.queries = queries;
        this.cards = cards;
    }

    Outcome<MessagingExtensionResponse> query(MessagingExtensionQuery query) {
        String text = queryText(query);
        int skip = 0;
        int count = MAX_RESULTS;
        if (query.getQueryOptions() != null) {
            skip = Math.max(0, query.getQueryOptions().getSkip());
            int asked = query.getQueryOptions().getCount();
            count = asked <= 0 ? MAX_RESULTS : Math.min(MAX_RESULTS, asked);
        }
        List<Answer> answers = queries.find(text, skip + count);
        List<Answer> page = answers.subList(Math.min(skip, answers.size()), answers.size());
        MessagingExtensionResult result = page.isEmpty() && skip == 0
                ? TeamsReplies.message("No call codes match \u201c" + shorten(text, 60) + "\u201d. Try a code such as"
                        + " 510559 403, or words such as certificate expired.")
                : TeamsReplies.insert(page.stream().map(MessageExtension::preview).toList());
        return new Outcome<>(new MessagingExtensionResponse(result), page);
    }

    /**
     * {@code composeExtension/selectItem}: the full answer card for the result the user picked. A value that names
     * nothing readable (an old client, a forged invoke) gets a line saying which field was wrong, never an error.
     */
    Outcome<MessagingExtensionResponse> select(Object value) {
        Selection selection = Selection.read(value);
        if (selection.problem() != null) {
            return new Outcome<>(new MessagingExtensionResponse(TeamsReplies.message("That search result cannot be"
                    + " opened: " + selection.problem() + ". Search again and pick it from the new list.")), List.of());
        }
        Answer answer = queries.answer(selection.reference());
        MessagingExtensionResult result = TeamsReplies.insert(List.of(TeamsReplies.insertable(cards.forAnswer(answer))));
        return new Outcome<>(new MessagingExtensionResponse(result), List.of(answer));
    }

    /** One line of the result list: the pair, who generated it, the phrase; tapping it asks for the card. */
    static MessagingExtensionAttachment preview(Answer answer) {
        String text = java.util.Objects.requireNonNullElse(previewText(answer), "");
        return TeamsReplies.searchResult(previewTitle(answer), Wording.originatorBadge(answer.originator()),
                shorten(text, PREVIEW_TEXT_LENGTH), tapValue(answer));
    }

    private static String previewTitle(Answer answer) {
        CodeRule rule = answer.rule();
        if (rule != null) {
            return rule.kind() == CodeRule.Kind.SIP_CLASS ? "SIP " + rule.written() + " responses"
                    : "Microsoft codes " + rule.written();
        }
        if (answer.microsoftCode() != null || answer.sipCode() != null) {
            return CodeLabels.pair(answer.microsoftCode(), answer.sipCode());
        }
        if (answer.phrase() != null) {
            return answer.phrase();
        }
        return answer.q850Cause() != null ? "Q.850 cause " + answer.q850Cause() : answer.match().label();
    }

    private static String previewText(Answer answer) {
        if (!answer.entries().isEmpty() && answer.rule() == null) {
            return answer.entries().get(0).phrase();
        }
        if (answer.rule() != null) {
            return answer.rule().summary();
        }
        return answer.phrase() != null && (answer.microsoftCode() != null || answer.sipCode() != null)
                ? answer.phrase() : answer.match().label();
    }

    /**
     * What {@code select} reads back to the same reference the list showed: a rule, a phrase alone (the catalog
     * found its codes), a Q.850 cause alone, or the codes with the phrase and cause given with them.
     */
    static Map<String, Object> tapValue(Answer answer) {
        Map<String, Object> value = new LinkedHashMap<>();
        if (answer.rule() != null) {
            value.put(RULE, answer.rule().written());
        } else if (answer.match() == Match.PHRASE && answer.phrase() != null) {
            value.put(PHRASE, answer.phrase());
        } else if (answer.match() == Match.Q850_CAUSE && answer.q850Cause() != null) {
            value.put(Q850_CAUSE, answer.q850Cause());
        } else {
            putIfPresent(value, MICROSOFT_CODE, answer.microsoftCode());
            if (!sipCodeWasDerived(answer)) {
                putIfPresent(value, SIP_CODE, answer.sipCode());
            }
            putIfPresent(value, PHRASE, answer.phrase());
            putIfPresent(value, Q850_CAUSE, answer.q850Cause());
        }
        return value;
    }

    /**
     * A Microsoft code asked alone ("510559") is answered with the SIP code its entries list; asking again with that
     * SIP code would be another question (an exact pair), with another card. A SIP code given beside a listed
     * Microsoft code is one its entries do not list, or the match would be exact.
     */
    private static boolean sipCodeWasDerived(Answer answer) {
        return answer.match() == Match.MICROSOFT_CODE && answer.sipCode() != null
                && answer.entries().stream().anyMatch(e -> e.sipCodes().contains(answer.sipCode()));
    }

    private static void putIfPresent(Map<String, Object> value, String field, Object v) {
        if (v != null) {
            value.put(field, v);
        }
    }

    /** A selectItem value read: the reference it names, or what is wrong with it (field and value). */
    record Selection(CodeReference reference, String problem) {

        static Selection read(Object value) {
            JsonNode node;
            try {
                node = value == null ? null : JSON.valueToTree(value);
                if (node != null && node.isTextual() && node.asText().length() <= MAX_VALUE_CHARS) {
                    // Some clients send a tap value back as the JSON text it was serialized to.
                    node = JSON.readTree(node.asText());
                }
            } catch (IllegalArgumentException | JsonProcessingException e) {
                node = null;
            }
            if (node == null || !node.isObject()) {
                return failed("its value is " + (value == null ? "missing" : "not an object with the codes"));
            }
            String ms = null;
            Integer sip = null;
            String phrase = null;
            String rule = null;
            Integer q850 = null;
            JsonNode field = node.get(MICROSOFT_CODE);
            if (present(field)) {
                ms = field.isTextual() || field.isIntegralNumber() ? field.asText().strip() : "";
                if (!MICROSOFT_CODE_SHAPE.matcher(ms).matches()) {
                    return bad(MICROSOFT_CODE, field, "is not a Microsoft code (1 to 9 digits)");
                }
            }
            field = node.get(SIP_CODE);
            if (present(field)) {
                sip = number(field, 0, 999);
                if (sip == null) {
                    return bad(SIP_CODE, field, "is not a SIP code (0 to 999)");
                }
            }
            field = node.get(PHRASE);
            if (present(field)) {
                phrase = field.isTextual() ? field.asText().strip() : "";
                if (phrase.isEmpty() || phrase.length() > MAX_PHRASE_LENGTH) {
                    return bad(PHRASE, field, "is not a phrase (text of 1 to " + MAX_PHRASE_LENGTH + " characters)");
                }
            }
            field = node.get(RULE);
            if (present(field)) {
                rule = field.isTextual() ? field.asText().strip() : "";
                if (rule.length() > 6 || !RULE_SHAPE.matcher(rule).matches()) {
                    return bad(RULE, field, "is not a family of codes (such as 560xxx or 5xx)");
                }
            }
            field = node.get(Q850_CAUSE);
            if (present(field)) {
                q850 = number(field, 0, 127);
                if (q850 == null) {
                    return bad(Q850_CAUSE, field, "is not a Q.850 cause (0 to 127)");
                }
            }
            if (rule != null) {
                return new Selection(CodeReference.rule(rule, 0), null);
            }
            if (ms != null || sip != null) {
                return new Selection(new CodeReference(ms, sip, phrase, 0, Provenance.GIVEN, q850, null, null), null);
            }
            if (phrase != null) {
                return new Selection(CodeReference.phraseOnly(phrase, 0).withEvidence(q850, null), null);
            }
            if (q850 != null) {
                return new Selection(CodeReference.q850Only(q850, 0), null);
            }
            return failed("its value names no code (" + MICROSOFT_CODE + ", " + SIP_CODE + ", " + PHRASE + ", " + RULE
                    + " or " + Q850_CAUSE + ")");
        }

        private static boolean present(JsonNode field) {
            return field != null && !field.isNull();
        }

        private static Integer number(JsonNode field, int min, int max) {
            String text = field.isIntegralNumber() || field.isTextual() ? field.asText().strip() : "";
            if (!text.matches("[0-9]{1,3}")) {
                return null;
            }
            int n = Integer.parseInt(text);
            return n >= min && n <= max ? n : null;
        }

        private static Selection bad(String name, JsonNode field, String why) {
            String shown = field.isTextual() ? field.asText() : field.toString();
            return failed("its " + name + " \u201c" + shorten(shown, 40) + "\u201d " + why);
        }

        private static Selection failed(String problem) {
            return new Selection(null, problem);
        }
    }

    static String queryText(MessagingExtensionQuery query) {
        List<MessagingExtensionParameter> parameters = query.getParameters();
        if (parameters == null) {
            return "";
        }
        for (MessagingExtensionParameter p : parameters) {
            if ("initialRun".equals(p.getName())) {
                return "";
            }
        }
        return parameters.stream()
                .filter(p -> QUERY_PARAMETER.equals(p.getName()))
                .findFirst().or(() -> parameters.stream().findFirst())
                .map(p -> p.getValue() == null ? "" : p.getValue().toString().strip())
                .orElse("");
    }

    private static String shorten(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length - 1) + "\u2026";
    }
}
