package dev.callcodes.bot.chat;

import dev.callcodes.catalog.explain.Answer;
import dev.callcodes.catalog.explain.Match;
import dev.callcodes.catalog.explanation.CallCodes;
import dev.callcodes.catalog.intake.CodeReference;
import dev.callcodes.catalog.intake.PlainText;
import dev.callcodes.catalog.intake.ReadingBudget;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the message extension lists as the user types: the codes in the query when it has some, otherwise the
 * entries its words find, and the codes admins meet most when it is empty.
 */
public final class CodeQueries {

    /** Direct Routing failures that fill support channels; an empty search box shows these. */
    static final List<String> COMMON = List.of("510559 403", "560403 403", "510562 403", "511404 404",
            "560408 408", "560484 484", "531052 488", "560503 503", "549002 504", "569008 504");

    /** A message-extension query must answer within 5 seconds, search and network included. */
    static final java.time.Duration READING_BUDGET = java.time.Duration.ofSeconds(2);

    private final CallCodes codes;

    public CodeQueries(CallCodes codes) {
        this.codes = codes;
    }

    public List<Answer> find(String query, int limit) {
        if (query == null || query.isBlank()) {
            return COMMON.stream().limit(limit).flatMap(q -> codes.explain(q).answers().stream()).toList();
        }
        List<Answer> explained = codes.explain(PlainText.of(query), ReadingBudget.of(READING_BUDGET)).answers();
        List<Answer> answers = new ArrayList<>(explained.stream().filter(a -> !stillTyping(a)).toList());
        if (answers.size() < limit) {
            Set<String> seen = new LinkedHashSet<>();
            answers.forEach(a -> a.entries().forEach(e -> seen.add(e.id())));
            codes.search().search(query, limit).stream()
                    .filter(hit -> !seen.contains(hit.entry().id()))
                    .map(hit -> codes.answer(hit.entry()))
                    .forEach(answers::add);
        }
        if (answers.isEmpty()) {
            answers.addAll(explained);
        }
        return answers.size() > limit ? List.copyOf(answers.subList(0, limit)) : List.copyOf(answers);
    }

    /** The answer for one reference, as a text naming it would get: what a picked search result inserts. */
    public Answer answer(CodeReference reference) {
        return codes.answer(reference);
    }

    /** "5105" while typing 510559 is an unknown code; the entries it begins are what the user is after. */
    private boolean stillTyping(Answer answer) {
        String code = answer.microsoftCode();
        return answer.match() == Match.UNKNOWN && code != null && codes.catalog().entries().stream()
                .anyMatch(e -> e.microsoftCode() != null && e.microsoftCode().startsWith(code));
    }
}
