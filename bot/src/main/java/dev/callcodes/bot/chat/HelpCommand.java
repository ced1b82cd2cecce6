package dev.callcodes.bot.chat;

import dev.callcodes.cards.AnswerCards;
import dev.callcodes.catalog.intake.PlainText;

/** {@code help}: what the bot understands, with buttons that try it. */
final class HelpCommand implements ChatCommand {

    private final AnswerCards cards;

    HelpCommand(AnswerCards cards) {
        this.cards = cards;
    }

    @Override
    public String name() {
        return "help";
    }

    @Override
    public String description() {
        return "Shows what I understand, with examples to try";
    }

    @Override
    public boolean takesArgument() {
        return false;
    }

    @Override
    public Reply answer(PlainText ignored) {
        return Reply.of(cards.help("I explain the codes of failed Teams calls."));
    }
}
