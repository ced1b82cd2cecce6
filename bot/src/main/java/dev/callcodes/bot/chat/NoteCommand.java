package dev.callcodes.bot.chat;

import dev.callcodes.catalog.intake.PlainText;

/**
 * The verb of an answer card's "Save note": {@code add ENTRY CODES}, the note's text in the card's form. The note is
 * saved for the codes' pair in this tenant, and the card comes back with it (its codes explained again). Only card
 * buttons send it.
 */
public final class NoteCommand implements ChatCommand {

    private final TeamControl team;
    private final ExplainCommand explain;

    NoteCommand(TeamControl team, ExplainCommand explain) {
        this.team = team;
        this.explain = explain;
    }

    /** The button's text for a note on the pair the codes name, shown on the card of the entry. */
    public static String argument(String entryId, String codes) {
        return "add " + entryId + " " + codes;
    }

    @Override
    public String name() {
        return "note";
    }

    @Override
    public String description() {
        return "Adds a team note to a code pair";
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
        if (parts.length < 3 || !parts[0].equals("add")) {
            return explain.answer(PlainText.of("help"));
        }
        if (!turn.hasUser()) {
            return explain.answer(PlainText.of(parts[2]));
        }
        String notice = team.addNote(turn, parts[2]);
        return FeedbackCommand.refreshed(team.withTeam(explain.answer(PlainText.of(parts[2])), turn, parts[1],
                notice));
    }
}
