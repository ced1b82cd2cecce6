package dev.callcodes.bot.teams;

import com.microsoft.bot.schema.teams.MessagingExtensionParameter;
import com.microsoft.bot.schema.teams.MessagingExtensionQuery;
import com.microsoft.bot.schema.teams.MessagingExtensionResponse;
import com.microsoft.bot.schema.teams.MessagingExtensionResult;
import dev.callcodes.bot.chat.CodeQueries;
import dev.callcodes.cards.AnswerCards;
import dev.callcodes.catalog.explain.Answer;

import java.util.List;

/** The search box in the compose area: results as the user types; picking one inserts its answer card. */
final class MessageExtension {

    /** The manifest's search command. */
    static final String SEARCH_COMMAND = "searchCodes";
    static final String QUERY_PARAMETER = "query";
    /** Teams asks for 25 by default; the list shows fewer than that without scrolling. */
    static final int MAX_RESULTS = 25;

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
                ? TeamsReplies.message("No call codes match \u201c" + shorten(text) + "\u201d. Try a code such as"
                        + " 510559 403, or words such as certificate expired.")
                : TeamsReplies.insert(page.stream().map(a -> TeamsReplies.searchResult(a, cards)).toList());
        return new Outcome<>(new MessagingExtensionResponse(result), page);
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

    private static String shorten(String text) {
        return text.length() <= 60 ? text : text.substring(0, 59) + "\u2026";
    }
}
