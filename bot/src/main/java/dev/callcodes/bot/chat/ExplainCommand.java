package dev.callcodes.bot.chat;

import dev.callcodes.cards.AnswerCards;
import dev.callcodes.catalog.explanation.CallCodes;
import dev.callcodes.catalog.explanation.Explanation;
import dev.callcodes.catalog.explanation.ReplyKind;
import dev.callcodes.catalog.intake.PlainText;
import dev.callcodes.catalog.intake.ReadingBudget;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/** Finds every code in the text and explains it; the default for text that starts with no command word. */
final class ExplainCommand implements ChatCommand {

    /**
     * Teams waits about 15 seconds for a bot's reply. Reading is linear, so this is only a guard for the largest
     * pastes on a loaded machine: what was read by then is answered, with a note of where reading stopped.
     */
    static final Duration READING_BUDGET = Duration.ofSeconds(10);

    private static final Set<String> GREETINGS = Set.of("hi", "hello", "hey", "hallo", "hiya", "yo", "thanks",
            "thank you", "thx", "good morning", "good afternoon", "good evening", "howdy", "ok", "okay");

    private final CallCodes codes;
    private final AnswerCards cards;
    private final RecentReplies recent = new RecentReplies();

    ExplainCommand(CallCodes codes, AnswerCards cards) {
        this.codes = codes;
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
    public Reply answer(PlainText text) {
        return recent.answer(text, this::explain);
    }

    private Reply explain(PlainText text) {
        Explanation explanation = codes.explain(text, ReadingBudget.of(READING_BUDGET));
        if (explanation.kind() == ReplyKind.HELP) {
            String greeting = isGreeting(text.text())
                    ? "Hi! I explain the codes of failed Teams calls."
                    : "I found no call codes in that message.";
            return Reply.of(cards.help(greeting));
        }
        return new Reply(cards.forExplanation(explanation), explanation.answers());
    }

    static boolean isGreeting(String text) {
        String words = text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L} ]", " ").replaceAll("\\s+", " ").strip();
        return GREETINGS.contains(words) || GREETINGS.stream().anyMatch(g -> words.startsWith(g + " ")
                && words.split(" ").length <= g.split(" ").length + 2);
    }
}
