package dev.callcodes.bot.chat;

import dev.callcodes.cards.AnswerCards;
import dev.callcodes.cards.Card;

/** Where no store is wired (the routes of tests, the command line): {@code stats} says so, cards get no team part. */
public final class TeamUnavailable {

    private TeamUnavailable() {
    }

    public static TeamControl of(AnswerCards cards) {
        return new TeamControl() {
            @Override
            public Card stats(ChatTurn turn) {
                return cards.help("Team stats are not part of this app.");
            }

            @Override
            public Reply withTeam(Reply reply, ChatTurn turn, String votedEntry, String voteNote) {
                return reply;
            }

            @Override
            public String vote(ChatTurn turn, String entryId, boolean helpful) {
                return "Feedback is not part of this app.";
            }

            @Override
            public String addNote(ChatTurn turn, String codes) {
                return "Team notes are not part of this app.";
            }

            @Override
            public String editNote(ChatTurn turn, String codes, String noteId) {
                return addNote(turn, codes);
            }

            @Override
            public String removeNote(ChatTurn turn, String codes, String noteId) {
                return addNote(turn, codes);
            }
        };
    }
}
