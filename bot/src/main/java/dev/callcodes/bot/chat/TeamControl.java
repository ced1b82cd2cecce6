package dev.callcodes.bot.chat;

import dev.callcodes.cards.Card;

/**
 * What the team's commands ask of the team's shared state (wired in {@code dev.callcodes.bot.team}): each answer
 * is a card for the tenant of the conversation that asked.
 */
public interface TeamControl {

    /** {@code stats}: the pairs asked most this week and month, unknown codes asked, feedback. */
    Card stats(ChatTurn turn);
}
