package dev.callcodes.watch.digest;

import dev.callcodes.catalog.Originator;
import dev.callcodes.watch.calls.CodePair;
import dev.callcodes.watch.state.Checkpoint;
import dev.callcodes.watch.state.HourBucket;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds a {@link Digest} from the hourly history. A day in a zone is the UTC hours that start inside it, so in
 * zones with a half-hour offset (India, parts of Australia) the day is shifted by 30 minutes.
 */
public final class DigestBuilder {

    public static final int WEEK_DAYS = 7;
    private static final int CHANGES = 5;

    private DigestBuilder() {
    }

    public static Digest build(Checkpoint checkpoint, LocalDate day, ZoneId zone) {
        Instant from = day.atStartOfDay(zone).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
        Instant weekFrom = day.minusDays(WEEK_DAYS).atStartOfDay(zone).toInstant();
        Totals today = new Totals();
        Totals week = new Totals();
        for (HourBucket bucket : checkpoint.history()) {
            long start = bucket.hour() * 3600;
            if (start >= from.getEpochSecond() && start < to.getEpochSecond()) {
                today.add(bucket);
            } else if (start >= weekFrom.getEpochSecond() && start < from.getEpochSecond()) {
                week.add(bucket);
            }
        }
        List<Digest.PairCount> byPair = new ArrayList<>();
        long sbc = 0;
        long microsoft = 0;
        long unknown = 0;
        for (Map.Entry<String, Long> e : today.pairs.entrySet()) {
            CodePair pair = CodePair.parse(e.getKey());
            Originator originator = pair.originator();
            switch (originator) {
                case SBC -> sbc += e.getValue();
                case MICROSOFT -> microsoft += e.getValue();
                default -> unknown += e.getValue();
            }
            byPair.add(new Digest.PairCount(pair, e.getValue(), today.failed == 0 ? 0 : (double) e.getValue() / today.failed,
                    originator, pair.family()));
        }
        byPair.sort(Comparator.comparingLong(Digest.PairCount::failures).reversed()
                .thenComparing(p -> p.pair().key()));

        Set<String> sbcs = new HashSet<>(today.sbcCalls.keySet());
        sbcs.addAll(week.sbcCalls.keySet());
        List<Digest.SbcDay> bySbc = new ArrayList<>();
        for (String name : sbcs) {
            bySbc.add(new Digest.SbcDay(name, today.sbcCalls.getOrDefault(name, 0L),
                    today.sbcFailed.getOrDefault(name, 0L), week.sbcCalls.getOrDefault(name, 0L) / (double) WEEK_DAYS,
                    week.sbcFailed.getOrDefault(name, 0L) / (double) WEEK_DAYS));
        }
        bySbc.sort(Comparator.comparingLong(Digest.SbcDay::failed).reversed().thenComparing(Digest.SbcDay::sbc));

        Set<String> pairs = new HashSet<>(today.pairs.keySet());
        pairs.addAll(week.pairs.keySet());
        List<Digest.PairChange> changes = new ArrayList<>();
        for (String key : pairs) {
            long now = today.pairs.getOrDefault(key, 0L);
            double before = week.pairs.getOrDefault(key, 0L) / (double) WEEK_DAYS;
            double change = now - before;
            if (Math.abs(change) >= 1) {
                changes.add(new Digest.PairChange(CodePair.parse(key), now, before, change));
            }
        }
        changes.sort(Comparator.comparingDouble((Digest.PairChange c) -> -Math.abs(c.change()))
                .thenComparing(c -> c.pair().key()));

        Instant covered = checkpoint.historyStart();
        boolean complete = covered != null && !covered.isAfter(weekFrom)
                && checkpoint.watermark() != null && !checkpoint.watermark().isBefore(to);
        String note = complete ? null : covered == null ? "the watch has not polled yet"
                : "the watch's history starts at " + covered + (checkpoint.watermark() != null
                && checkpoint.watermark().isBefore(to) ? " and the day is not over yet" : "")
                + ": figures before that are missing";
        return new Digest(day, zone, from, to, today.calls, today.failed, byPair, sbc, microsoft, unknown, bySbc,
                changes.subList(0, Math.min(CHANGES, changes.size())), complete, note);
    }

    private static final class Totals {
        long calls;
        long failed;
        final Map<String, Long> pairs = new HashMap<>();
        final Map<String, Long> sbcCalls = new HashMap<>();
        final Map<String, Long> sbcFailed = new HashMap<>();

        void add(HourBucket bucket) {
            calls += bucket.calls();
            failed += bucket.failed();
            sbcCalls.merge(bucket.sbc(), (long) bucket.calls(), Long::sum);
            sbcFailed.merge(bucket.sbc(), (long) bucket.failed(), Long::sum);
            bucket.pairs().forEach((pair, n) -> pairs.merge(pair, (long) n, Long::sum));
        }
    }
}
