package dev.callcodes.bot.chat;

import dev.callcodes.cards.Card;
import dev.callcodes.catalog.explain.Answer;

import java.util.List;

/**
 * What the bot says back, whatever carries it (a Teams message, an in-place card update, a compose-box insert).
 *
 * @param cards   one to ten cards, in order
 * @param answers the answers behind them, for metrics; empty for help and welcome cards
 */
public record Reply(List<Card> cards, List<Answer> answers) {

    public Reply {
        if (cards.isEmpty()) {
            throw new IllegalArgumentException("a reply needs at least one card");
        }
        cards = List.copyOf(cards);
        answers = List.copyOf(answers);
    }

    static Reply of(Card card) {
        return new Reply(List.of(card), List.of());
    }
}
