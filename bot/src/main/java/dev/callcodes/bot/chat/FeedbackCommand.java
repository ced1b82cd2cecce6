package dev.callcodes.bot.chat;

import dev.callcodes.catalog.intake.PlainText;

import java.util.List;
import java.util.Locale;

/**
 * The verb of an answer card's "Helpful" and "Not helpful": {@code helpful ENTRY CODES} or {@code not-helpful ENTRY
 * CODES}. The vote is recorded for the person who pressed it, and the card comes back with the vote shown (its codes
 * explained again, so it is the same answer). Only card buttons send it.
 */
public final class FeedbackCommand implements ChatCommand {

    static final String HELPFUL = "helpful";
    static final String NOT_HELPFUL = "not-helpful";

    private final TeamControl team;
    private final ExplainCommand explain;

    FeedbackCommand(TeamControl team, ExplainCommand explain) {
        this.team = team;
        this.explain = explain;
    }

    /** The button's text for a vote on an entry whose answer the codes give. */
    public static String argument(boolean helpful, String entryId, String codes) {
        return (helpful ? HELPFUL : NOT_HELPFUL) + " " + entryId + " " + codes;
    }

    /** A card shown again after a vote or a note is not a new answer: no answers, so nothing is counted as asked. */
    static Reply refreshed(Reply reply) {
        return new Reply(reply.cards(), List.of(), reply.placement());
    }

    @Override
    public String name() {
        return "feedback";
    }

    @Override
    public String description() {
        return "Records a vote on an answer";
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
    public Reply answer(PlainText argument) {
        return answer(argument, ChatTurn.NONE);
    }

    @Override
    public Reply answer(PlainText argument, ChatTurn turn) {
        String[] parts = argument.text().strip().split("\\s+", 3);
        boolean helpful = parts[0].toLowerCase(Locale.ROOT).equals(HELPFUL);
        if (parts.length < 3 || !(helpful || parts[0].toLowerCase(Locale.ROOT).equals(NOT_HELPFUL))) {
            return explain.answer(PlainText.of("help"));
        }
        if (!turn.hasUser()) {
            return explain.answer(PlainText.of(parts[2]));
        }
        String note = team.vote(turn, parts[1], helpful);
        return refreshed(team.withTeam(explain.answer(PlainText.of(parts[2])), turn, parts[1], note));
    }
}
