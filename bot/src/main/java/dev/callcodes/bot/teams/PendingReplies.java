package dev.callcodes.bot.teams;

import java.time.Instant;
import java.util.List;

/**
 * Where replies the connector did not take wait for their next attempt. Held as the connector's JSON, so that a
 * shared document store can implement this later (kept replies would then survive a restart and any instance could
 * send them; {@link #claim} would become a conditional write with an expiry instead of a flag). Today:
 * {@link InMemoryPendingReplies}.
 */
interface PendingReplies {

    /** Adds a reply; false when the store is full (the caller drops it and says so). */
    boolean add(PendingReply reply);

    /**
     * The replies to send now: of each conversation only its oldest reply (replies keep their order), and only when
     * no attempt for that conversation is under way and the reply's next attempt is due.
     */
    List<PendingReply> due(Instant now);

    /** Marks a reply as being sent, so {@link #due} leaves it and its conversation alone; false if it is gone. */
    boolean claim(String reference);

    /** A claimed reply failed again: stored with its new attempt count and time, and unclaimed. */
    void retryLater(PendingReply reply);

    void remove(String reference);

    boolean holdsConversation(String conversationId);

    int size();
}
