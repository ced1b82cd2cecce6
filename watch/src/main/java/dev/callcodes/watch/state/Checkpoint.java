package dev.callcodes.watch.state;

import dev.callcodes.watch.detect.Alert;
import dev.callcodes.watch.detect.Incident;

import java.time.Instant;
import java.util.List;

/**
 * Everything the polling instance commits after a poll, in one document so that a crash leaves either the old or
 * the new state, never half of each.
 *
 * @param watermark    the end of the last committed poll window; the next poll asks again from here minus the
 *                     look-back; null before the first poll
 * @param historyStart the earliest start time that polls have covered (what "not seen in 30 days" can claim)
 * @param recent       calls inside the look-back and detection windows: the seen ids (memory stays bounded: older
 *                     ones cannot come back and are forgotten)
 * @param history      hourly counts per SBC, 31 days
 * @param incidents    open incidents
 * @param outbox       alerts committed but not yet delivered (delivered after the commit, so a restart sends them
 *                     once instead of detecting and alerting again)
 * @param lastPoll     the last poll's report, failed or not
 */
public record Checkpoint(
        Instant watermark,
        Instant historyStart,
        List<RecentCall> recent,
        List<HourBucket> history,
        List<Incident> incidents,
        List<Alert> outbox,
        PollReport lastPoll) {

    public static final Checkpoint EMPTY = new Checkpoint(null, null, List.of(), List.of(), List.of(), List.of(), null);

    public Checkpoint {
        recent = recent == null ? List.of() : List.copyOf(recent);
        history = history == null ? List.of() : List.copyOf(history);
        incidents = incidents == null ? List.of() : List.copyOf(incidents);
        outbox = outbox == null ? List.of() : List.copyOf(outbox);
    }

    public Checkpoint withOutbox(List<Alert> alerts) {
        return new Checkpoint(watermark, historyStart, recent, history, incidents, alerts, lastPoll);
    }

    public Checkpoint withLastPoll(PollReport report) {
        return new Checkpoint(watermark, historyStart, recent, history, incidents, outbox, report);
    }
}
