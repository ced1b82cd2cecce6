package dev.callcodes.bot.cli;

import dev.callcodes.cards.AnswerCards;
import dev.callcodes.catalog.explanation.CallCodes;

/** The engine over the embedded catalog, built on first use (help needs none of it), as the app builds it. */
final class Engines {

    private static final class Holder {
        static final CallCodes CODES = CallCodes.embedded();
        static final AnswerCards CARDS = new AnswerCards(CODES.catalog());
    }

    private Engines() {
    }

    static CallCodes codes() {
        return Holder.CODES;
    }

    static AnswerCards cards() {
        return Holder.CARDS;
    }
}
