package dev.callcodes.bot.chat;

import dev.callcodes.catalog.intake.PlainText;

/**
 * The verb of an answer card's note buttons: {@code add ENTRY CODES} ("Save note", the note's text in the card's
 * form), {@code edit ENTRY NOTEID CODES} ("Save" under a note's "Edit", the new text in that note's form) and
 * {@code remove ENTRY NOTEID CODES}. The change is made on the codes' pair in this tenant, and the card comes back
 * with it (its codes explained again), the outcome or the reason it was refused as its notice. Only card buttons
 * send it.
 */
public final class NoteCommand implements ChatCommand {

    private final TeamControl team;
    private final ExplainCommand explain;

    NoteCommand(TeamControl team, ExplainCommand explain) {
        this.team = team;
        this.explain = explain;
    }

    static final String ADD = "add";
    static final String EDIT = "edit";
    static final String REMOVE = "remove";

    /** The button's text for a note on the pair the codes name, shown on the card of the entry. */
    public static String argument(String entryId, String codes) {
        return ADD + " " + entryId + " " + codes;
    }

    /** The text of a note's "Save" (after "Edit") button on the card of the entry. */
    public static String editArgument(String entryId, String noteId, String codes) {
        return EDIT + " " + entryId + " " + noteId + " " + codes;
    }

    /** The text of a note's "Remove" button on the card of the entry. */
    public static String removeArgument(String entryId, String noteId, String codes) {
        return REMOVE + " " + entryId + " " + noteId + " " + codes;
    }

    @Override
    public String name() {
        return "note";
    }

    @Override
    public String description() {
        return "Adds, edits or removes a team note on a code pair";
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
        String[] words = argument.text().strip().split("\\s+", 2);
        boolean onNote = words[0].equals(EDIT) || words[0].equals(REMOVE);
        if (!onNote && !words[0].equals(ADD)) {
            return explain.answer(PlainText.of("help"));
        }
        // add ENTRY CODES; edit|remove ENTRY NOTEID CODES
        String[] parts = argument.text().strip().split("\\s+", onNote ? 4 : 3);
        if (parts.length < (onNote ? 4 : 3)) {
            return explain.answer(PlainText.of("help"));
        }
        String entry = parts[1];
        String codes = parts[parts.length - 1];
        if (!turn.hasUser()) {
            return explain.answer(PlainText.of(codes));
        }
        String notice = switch (parts[0]) {
            case EDIT -> team.editNote(turn, codes, parts[2]);
            case REMOVE -> team.removeNote(turn, codes, parts[2]);
            default -> team.addNote(turn, codes);
        };
        return FeedbackCommand.refreshed(team.withTeam(explain.answer(PlainText.of(codes)), turn, entry, notice));
    }
}
