package dev.callcodes.bot.chat;

import dev.callcodes.cards.AnswerCards;
import dev.callcodes.catalog.explain.Answer;
import dev.callcodes.catalog.report.Reports;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Finds every code in the text and explains it; the default for text that starts with no command word. */
final class ExplainCommand implements ChatCommand {

    private static final Set<String> GREETINGS = Set.of("hi", "hello", "hey", "hallo", "hiya", "yo", "thanks",
            "thank you", "thx", "good morning", "good afternoon", "good evening", "howdy", "ok", "okay");

    private final Reports reports;
    private final AnswerCards cards;

    ExplainCommand(Reports reports, AnswerCards cards) {
        this.reports = reports;
        this.cards = cards;
    }

    @Override
    public String name() {
        return "explain";
    }

    @Override
    public String description() {
        return "Explains call codes: 510559 403, 560403, SIP 488, an official phrase, or pasted rows";
    }

    @Override
    public boolean takesArgument() {
        return true;
    }

    @Override
    public Reply answer(String text) {
        Reports.Explanation explanation = reports.explain(text);
        List<Answer> answers = explanation.answers();
        if (answers.isEmpty() && explanation.summary().isEmpty()) {
            String greeting = isGreeting(text)
                    ? "Hi! I explain the codes of failed Teams calls."
                    : "I found no call codes in that message.";
            return new Reply(List.of(cards.help(greeting)), List.of());
        }
        return new Reply(cards.forExplanation(explanation), answers);
    }

    static boolean isGreeting(String text) {
        String words = text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L} ]", " ").replaceAll("\\s+", " ").strip();
        return GREETINGS.contains(words) || GREETINGS.stream().anyMatch(g -> words.startsWith(g + " ")
                && words.split(" ").length <= g.split(" ").length + 2);
    }
}
