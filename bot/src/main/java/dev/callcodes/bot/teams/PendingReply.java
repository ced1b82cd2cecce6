package dev.callcodes.bot.teams;

import java.time.Instant;

/**
 * A reply kept for another attempt.
 *
 * @param reference      what the log lines about it carry, from keeping to delivery or drop
 * @param conversationId where it goes (replies to one conversation keep their order)
 * @param activityJson   the activity as the connector takes it
 * @param keptAt         when the first send failed; the reply is dropped {@link KeptReplies#KEEP_FOR} later
 * @param attempts       sends from the store so far
 * @param nextAttempt    not before then
 * @param lastFailure    the last failure, short, for the log line when it is dropped
 */
record PendingReply(String reference, String conversationId, String activityJson, Instant keptAt, int attempts,
                    Instant nextAttempt, String lastFailure) {

    PendingReply failedAgain(Instant next, String failure) {
        return new PendingReply(reference, conversationId, activityJson, keptAt, attempts + 1, next, failure);
    }
}
