package dev.callcodes.bot.chat;

import dev.callcodes.catalog.intake.PlainText;

/**
 * The verb of a summary card's rows: explains the pair below the summary, so the report stays in the conversation
 * while its pairs are opened one by one. Only card buttons send it.
 */
final class OpenCommand implements ChatCommand {

    private final ExplainCommand explain;

    OpenCommand(ExplainCommand explain) {
        this.explain = explain;
    }

    @Override
    public String name() {
        return "open";
    }

    @Override
    public String description() {
        return "Opens one pair of a summary below it";
    }

    @Override
    public boolean takesArgument() {
        return true;
    }

    @Override
    public boolean typed() {
        return false;
    }

    @Override
    public Reply answer(PlainText text) {
        return explain.answer(text).below();
    }
}
