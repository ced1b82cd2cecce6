package dev.callcodes.bot.chat;

import dev.callcodes.cards.AnswerCards;
import dev.callcodes.catalog.CatalogEntry;
import dev.callcodes.catalog.explain.Answer;
import dev.callcodes.catalog.explain.Explainer;
import dev.callcodes.catalog.search.CatalogSearch;
import dev.callcodes.catalog.text.CodeReference;

import java.util.List;

/** {@code search WORDS}: the catalog entries that best match some words, for when the codes are not at hand. */
final class SearchCommand implements ChatCommand {

    static final int CHAT_RESULTS = 5;

    private final CatalogSearch search;
    private final Explainer explainer;
    private final AnswerCards cards;

    SearchCommand(CatalogSearch search, Explainer explainer, AnswerCards cards) {
        this.search = search;
        this.explainer = explainer;
        this.cards = cards;
    }

    @Override
    public String name() {
        return "search";
    }

    @Override
    public String description() {
        return "Finds codes by words: search certificate expired";
    }

    @Override
    public boolean takesArgument() {
        return true;
    }

    @Override
    public Reply answer(String words) {
        if (words.isBlank()) {
            return Reply.of(cards.help("Tell me what to look for, for example: search certificate expired"));
        }
        List<Answer> answers = search.search(words, CHAT_RESULTS).stream()
                .map(hit -> answerFor(explainer, hit.entry()))
                .toList();
        if (answers.isEmpty()) {
            return Reply.of(cards.help("Nothing in the catalog matches those words. Try other words, or send the"
                    + " codes themselves."));
        }
        return new Reply(answers.stream().map(cards::forAnswer).toList(), answers);
    }

    /** The answer a user would get by typing this entry's codes. */
    static Answer answerFor(Explainer explainer, CatalogEntry entry) {
        return explainer.explainReference(CodeReference.pair(entry.microsoftCode(), entry.sipCodeFor(null), 0));
    }
}
