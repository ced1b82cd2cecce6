package dev.callcodes.bot.chat;

import dev.callcodes.catalog.intake.PlainText;

import java.util.List;

/** {@code stats}: what this tenant asked about, what the catalog is missing, and how the answers were rated. */
final class StatsCommand implements ChatCommand {

    private final TeamControl team;

    StatsCommand(TeamControl team) {
        this.team = team;
    }

    @Override
    public String name() {
        return "stats";
    }

    @Override
    public String description() {
        return "Shows the codes your team asked most, codes missing from the catalog, and feedback";
    }

    @Override
    public boolean takesArgument() {
        return false;
    }

    @Override
    public Reply answer(PlainText argument) {
        return answer(argument, ChatTurn.NONE);
    }

    @Override
    public Reply answer(PlainText argument, ChatTurn turn) {
        return new Reply(List.of(team.stats(turn)), List.of());
    }
}
