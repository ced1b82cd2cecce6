package dev.callcodes.bot.chat;

import dev.callcodes.cards.Card;

/**
 * What the team's commands ask of the team's shared state (wired in {@code dev.callcodes.bot.team}): each answer
 * is for the tenant of the conversation that asked.
 */
public interface TeamControl {

    /** {@code stats}: the pairs asked most this week and month, unknown codes asked, feedback. */
    Card stats(ChatTurn turn);

    /**
     * The reply with the team's part on each answer card ("Helpful" and "Not helpful"); {@code voteNote} is shown on
     * the card of {@code votedEntry} (the card refreshed after a vote), both null otherwise. A reply outside a
     * conversation, or already given its team part, is returned as it is.
     */
    Reply withTeam(Reply reply, ChatTurn turn, String votedEntry, String voteNote);

    /** Records the person's vote on an entry (their earlier one replaced); returns the line the card then shows. */
    String vote(ChatTurn turn, String entryId, boolean helpful);

    /** Adds the person's note ({@link ChatTurn#formText}) to the pair the codes name; returns the line to show. */
    String addNote(ChatTurn turn, String codes);

    /** Replaces the text of a note on the pair with the person's ({@link ChatTurn#formText}); returns the line to show. */
    String editNote(ChatTurn turn, String codes, String noteId);

    /** Removes a note from the pair the codes name; returns the line to show. */
    String removeNote(ChatTurn turn, String codes, String noteId);
}
