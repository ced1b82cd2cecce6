package dev.callcodes.watch.digest;

import dev.callcodes.catalog.Originator;
import dev.callcodes.watch.calls.CodeFamily;
import dev.callcodes.watch.calls.CodePair;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * One day of calls for the daily digest card: the day in the subscriber's time zone, its calls and failures by
 * pair, by who sent the final response and by SBC, and the pairs that changed most against the 7 days before.
 *
 * @param complete false when the watch's history does not cover the whole day and the week before; {@code note} says
 *                 what is missing
 */
public record Digest(
        LocalDate day,
        ZoneId zone,
        Instant from,
        Instant to,
        long calls,
        long failed,
        List<PairCount> failuresByPair,
        long sbcFailures,
        long microsoftFailures,
        long unknownFailures,
        List<SbcDay> bySbc,
        List<PairChange> changes,
        boolean complete,
        String note) {

    public record PairCount(CodePair pair, long failures, double share, Originator originator, CodeFamily family) {
    }

    /** @param weekBeforeCalls calls per day on average over the 7 days before */
    public record SbcDay(String sbc, long calls, long failed, double weekBeforeCalls, double weekBeforeFailed) {
    }

    /** @param weekBeforePerDay the pair's failures per day on average over the 7 days before */
    public record PairChange(CodePair pair, long failures, double weekBeforePerDay, double change) {
    }
}
