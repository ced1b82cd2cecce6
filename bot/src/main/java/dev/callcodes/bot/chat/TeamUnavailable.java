package dev.callcodes.bot.chat;

import dev.callcodes.cards.AnswerCards;

/** Where no store is wired (the routes of tests, the command line): {@code stats} says so. */
final class TeamUnavailable {

    private TeamUnavailable() {
    }

    static TeamControl of(AnswerCards cards) {
        return turn -> cards.help("Team stats are not part of this app.");
    }
}
