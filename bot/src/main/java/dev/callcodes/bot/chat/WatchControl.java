package dev.callcodes.bot.chat;

import dev.callcodes.cards.Card;

import java.util.List;

/**
 * What {@code watch} asks of the failure watch (wired in {@code dev.callcodes.bot.watch}): each answer is a card for
 * the conversation that asked. The watch may be off; then every answer says why and what to set.
 */
public interface WatchControl {

    /** {@code watch}: this conversation gets alerts (and, once asked, the daily digest); then what is open now. */
    List<Card> subscribe(ChatTurn turn);

    /** {@code watch off}. */
    Card unsubscribe(ChatTurn turn);

    /** {@code watch status}: is the watch polling, what it last read, what is open, is this conversation in. */
    Card status(ChatTurn turn);

    /** {@code watch digest 08:00 Europe/Berlin} or {@code watch digest off}; a bad time or zone is named. */
    Card digest(ChatTurn turn, String schedule);

    /** {@code watch mute INCIDENT}: the alert card's "mute for a day". */
    Card mute(ChatTurn turn, String incidentId);

    /** {@code watch report INCIDENT}: the alert card's "see the window's report", below the alert. */
    Card report(ChatTurn turn, String incidentId);

    /** A short note for a {@code watch} the command could not read (the message names the bad word). */
    Card problem(String message);
}
