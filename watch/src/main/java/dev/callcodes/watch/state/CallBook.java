package dev.callcodes.watch.state;

import dev.callcodes.watch.calls.CallRow;
import dev.callcodes.watch.detect.Alert;
import dev.callcodes.watch.detect.Incident;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The checkpoint opened for one poll: calls are added as pages stream in, detection reads and updates it, and it
 * becomes the next checkpoint. If the poll fails the book is dropped and the stored checkpoint stays as it was.
 */
public final class CallBook {

    private final Map<String, RecentCall> recent;
    private final TreeMap<Long, Map<String, Counts>> history = new TreeMap<>();
    private final Map<String, Incident> incidents = new LinkedHashMap<>();
    private final List<Alert> outbox;
    /** The phrase Graph gave each failing pair in this poll (not stored: the catalog has the official one). */
    private final Map<String, String> phrases = new HashMap<>();
    private Instant historyStart;

    public CallBook(Checkpoint checkpoint) {
        recent = new HashMap<>(Math.max(16, checkpoint.recent().size() * 2));
        for (RecentCall call : checkpoint.recent()) {
            recent.put(call.id(), call);
        }
        for (HourBucket bucket : checkpoint.history()) {
            Counts counts = history.computeIfAbsent(bucket.hour(), h -> new HashMap<>())
                    .computeIfAbsent(bucket.sbc(), s -> new Counts());
            counts.calls += bucket.calls();
            counts.failed += bucket.failed();
            bucket.pairs().forEach((pair, n) -> counts.pairs.merge(pair, n, Integer::sum));
        }
        checkpoint.incidents().forEach(incident -> incidents.put(incident.key(), incident));
        outbox = new ArrayList<>(checkpoint.outbox());
        historyStart = checkpoint.historyStart();
    }

    /** Adds a call; false when its id was seen already (a repeat within the look-back, or a duplicate row). */
    public boolean add(CallRow row) {
        if (recent.containsKey(row.id())) {
            return false;
        }
        boolean failed = row.outcome().failed();
        String pair = failed ? row.pair().key() : null;
        long start = row.startDateTime().getEpochSecond();
        String sbc = row.sbc();
        recent.put(row.id(), new RecentCall(row.id(), start, sbc, pair, failed ? row.user() : null,
                failed ? row.correlationId() : null));
        Counts counts = history.computeIfAbsent(Math.floorDiv(start, 3600), h -> new HashMap<>())
                .computeIfAbsent(sbc, s -> new Counts());
        counts.calls++;
        if (failed) {
            counts.failed++;
            counts.pairs.merge(pair, 1, Integer::sum);
            if (row.finalSipCodePhrase() != null) {
                phrases.put(pair, row.finalSipCodePhrase());
            }
        }
        return true;
    }

    /** Forgets calls that started before {@code recentHorizon} and hours before {@code historyHorizon}. */
    public void forget(Instant recentHorizon, Instant historyHorizon) {
        long limit = recentHorizon.getEpochSecond();
        recent.values().removeIf(call -> call.start() < limit);
        history.headMap(Math.floorDiv(historyHorizon.getEpochSecond(), 3600)).clear();
        if (historyStart != null && historyStart.isBefore(historyHorizon)) {
            historyStart = historyHorizon;
        }
    }

    public void coveredFrom(Instant from) {
        if (historyStart == null || from.isBefore(historyStart)) {
            historyStart = from;
        }
    }

    public Instant historyStart() {
        return historyStart;
    }

    public Collection<RecentCall> recent() {
        return recent.values();
    }

    public int recentSize() {
        return recent.size();
    }

    /** One SBC's counts in one hour, or null. */
    public Counts hour(long epochHour, String sbc) {
        Map<String, Counts> bySbc = history.get(epochHour);
        return bySbc == null ? null : bySbc.get(sbc);
    }

    /** Every SBC with calls in hours from {@code fromHour} on. */
    public Set<String> sbcsSince(long fromHour) {
        Set<String> sbcs = new java.util.TreeSet<>();
        history.tailMap(fromHour).values().forEach(bySbc -> sbcs.addAll(bySbc.keySet()));
        return sbcs;
    }

    /** Whether the SBC had a failure with this pair in hours [fromHour, toHour). */
    public boolean pairSeen(String sbc, String pair, long fromHour, long toHour) {
        for (Map<String, Counts> bySbc : history.subMap(fromHour, toHour).values()) {
            Counts counts = bySbc.get(sbc);
            if (counts != null && counts.pairs.containsKey(pair)) {
                return true;
            }
        }
        return false;
    }

    public Map<String, String> phrases() {
        return phrases;
    }

    public Map<String, Incident> incidents() {
        return incidents;
    }

    public List<Alert> outbox() {
        return outbox;
    }

    public Checkpoint toCheckpoint(Instant watermark, PollReport report) {
        List<HourBucket> buckets = new ArrayList<>();
        history.forEach((hour, bySbc) -> bySbc.forEach((sbc, c) ->
                buckets.add(new HourBucket(hour, sbc, c.calls, c.failed, new TreeMap<>(c.pairs)))));
        return new Checkpoint(watermark, historyStart, new ArrayList<>(recent.values()), buckets,
                new ArrayList<>(incidents.values()), outbox, report);
    }

    /** Mutable hourly counts. */
    public static final class Counts {
        int calls;
        int failed;
        final Map<String, Integer> pairs = new HashMap<>();

        public int calls() {
            return calls;
        }

        public int failed() {
            return failed;
        }

        public int failures(String pair) {
            return pairs.getOrDefault(pair, 0);
        }

        public Map<String, Integer> pairs() {
            return pairs;
        }
    }
}
