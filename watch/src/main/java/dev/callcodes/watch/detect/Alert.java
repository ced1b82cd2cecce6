package dev.callcodes.watch.detect;

import dev.callcodes.catalog.Originator;
import dev.callcodes.watch.calls.CodeFamily;
import dev.callcodes.watch.calls.CodePair;

import java.time.Instant;
import java.util.Set;

/**
 * What the watch tells the channel, typed, for the card and proactive-message phase: what changed and since when,
 * how many calls and users, the pair and its family, the SBC, an example correlation id, and the window judged.
 *
 * @param id           {@code incidentId#revision}: unique per message, for deduplication on delivery
 * @param headline     one plain sentence of what changed (the card has the fields)
 * @param windowStart  the detection window judged ([windowStart, windowEnd) by call start time)
 * @param usersCapped  true when more distinct users were affected than the incident keeps
 */
public record Alert(
        String id,
        String incidentId,
        AlertKind kind,
        Set<IncidentType> reasons,
        String sbc,
        CodePair pair,
        CodeFamily family,
        Originator originator,
        String phrase,
        Instant since,
        Instant at,
        Instant windowStart,
        Instant windowEnd,
        int callsInWindow,
        int failuresInWindow,
        double rate,
        double baselineRate,
        double expectedCalls,
        long affectedCalls,
        int affectedUsers,
        boolean usersCapped,
        String exampleCorrelationId,
        String headline) {

    public Alert {
        reasons = Set.copyOf(reasons);
    }
}
