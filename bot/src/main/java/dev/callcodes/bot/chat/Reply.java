package dev.callcodes.bot.chat;

import dev.callcodes.cards.Card;
import dev.callcodes.catalog.explain.Answer;

import java.util.List;

/**
 * What the bot says back, whatever carries it (a Teams message, an in-place card update, a compose-box insert).
 *
 * @param cards     one to ten cards, in order
 * @param answers   the answers behind them, for metrics; empty for help and welcome cards
 * @param placement where a reply to a card button goes: in place of that card, or below it
 */
public record Reply(List<Card> cards, List<Answer> answers, Placement placement) {

    /** Where a reply to a card button goes. Replies to typed messages are always new messages. */
    public enum Placement {
        /** The pressed card is replaced (a related code, a variant). */
        REPLACE_CARD,
        /** A new message below the pressed card, which stays (a pair opened from a report's summary). */
        BELOW
    }

    public Reply {
        if (cards.isEmpty()) {
            throw new IllegalArgumentException("a reply needs at least one card");
        }
        cards = List.copyOf(cards);
        answers = List.copyOf(answers);
    }

    public Reply(List<Card> cards, List<Answer> answers) {
        this(cards, answers, Placement.REPLACE_CARD);
    }

    static Reply of(Card card) {
        return new Reply(List.of(card), List.of());
    }

    Reply below() {
        return new Reply(cards, answers, Placement.BELOW);
    }
}
