package dev.callcodes.bot.chat;

import dev.callcodes.cards.AnswerCards;
import dev.callcodes.catalog.explain.Answer;
import dev.callcodes.catalog.explanation.CallCodes;
import dev.callcodes.catalog.intake.PlainText;

import java.util.List;

/** {@code search WORDS}: the catalog entries that best match some words, for when the codes are not at hand. */
final class SearchCommand implements ChatCommand {

    static final int CHAT_RESULTS = 5;

    private final CallCodes codes;
    private final AnswerCards cards;

    SearchCommand(CallCodes codes, AnswerCards cards) {
        this.codes = codes;
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
    public Reply answer(PlainText text) {
        String words = text.text();
        if (words.isBlank()) {
            return Reply.of(cards.help("Tell me what to look for, for example: search certificate expired"));
        }
        List<Answer> answers = codes.search().search(words, CHAT_RESULTS).stream()
                .map(hit -> codes.answer(hit.entry()))
                .toList();
        if (answers.isEmpty()) {
            return Reply.of(cards.help("Nothing in the catalog matches those words. Try other words, or send the"
                    + " codes themselves."));
        }
        return new Reply(answers.stream().map(cards::forAnswer).toList(), answers);
    }

}
