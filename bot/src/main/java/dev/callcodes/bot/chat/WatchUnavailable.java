package dev.callcodes.bot.chat;

import dev.callcodes.cards.AnswerCards;
import dev.callcodes.cards.Card;

import java.util.List;

/** Where no watch is wired (the routes of tests, the command line): every {@code watch} says so. */
public final class WatchUnavailable {

    private WatchUnavailable() {
    }

    public static WatchControl of(AnswerCards cards) {
        Card card = cards.help("The failure watch is not part of this app.");
        return new WatchControl() {
            @Override
            public List<Card> subscribe(ChatTurn turn) {
                return List.of(card);
            }

            @Override
            public Card unsubscribe(ChatTurn turn) {
                return card;
            }

            @Override
            public Card status(ChatTurn turn) {
                return card;
            }

            @Override
            public Card digest(ChatTurn turn, String schedule) {
                return card;
            }

            @Override
            public Card mute(ChatTurn turn, String incidentId) {
                return card;
            }

            @Override
            public Card report(ChatTurn turn, String incidentId) {
                return card;
            }

            @Override
            public Card problem(String message) {
                return cards.help(message);
            }
        };
    }
}
