package dev.callcodes.watch;

import dev.callcodes.watch.calls.CallRow;
import dev.callcodes.watch.calls.CallSource;
import dev.callcodes.watch.calls.SourceException;
import dev.callcodes.watch.detect.Alert;
import dev.callcodes.watch.detect.AlertKind;
import dev.callcodes.watch.detect.Detector;
import dev.callcodes.watch.detect.Incident;
import dev.callcodes.watch.digest.Digest;
import dev.callcodes.watch.digest.DigestBuilder;
import dev.callcodes.watch.state.CallBook;
import dev.callcodes.watch.state.Checkpoint;
import dev.callcodes.watch.state.Lease;
import dev.callcodes.watch.state.PollReport;
import dev.callcodes.watch.state.RecentCall;
import dev.callcodes.watch.state.WatchState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One instance of the failure watch. Each {@link #tick()} (every interval, from {@link WatchLoop}) takes or renews
 * the lease; the holder reads the calls that started in [watermark - look-back, now), adds those not seen before,
 * runs detection, commits the checkpoint with the new alerts in its outbox, and then hands the outbox to the
 * sink. Commit before delivery is what makes a restart resume without alerting again: an alert is either in the
 * stored outbox (and delivered once after the restart) or its incident is stored as already alerted.
 */
public final class Watch {

    private static final Logger LOG = LoggerFactory.getLogger(Watch.class);
    /** Graph keeps call records 30 days: a poll never asks for more. */
    private static final Duration GRAPH_RETENTION = Duration.ofDays(30);
    /**
     * A long window (the backfill, or the catch-up after an outage) is read a day at a time, forgetting seen ids
     * behind the look-back after each day: a week of a busy tenant never sits in memory at once. Graph filters by
     * start time, so the days hold disjoint calls and no id can repeat across them.
     */
    private static final Duration CHUNK = Duration.ofDays(1);

    public enum TickOutcome { POLLED, FAILED, STANDBY, CONFLICT }

    /** What one tick did. */
    public record Tick(TickOutcome outcome, PollReport report, List<Alert> alerts, List<Alert> delivered) {
    }

    private final String instanceId;
    private final CallSource source;
    private final WatchState state;
    private final Lease lease;
    private final Detector detector;
    private final AlertSink sink;
    private final WatchMetrics metrics;
    private final Clock clock;
    private final Duration interval;
    private final Duration lookback;
    private final Duration backfill;
    private final Duration leaseTtl;
    private final Duration recentRetention;
    private final Duration historyRetention;

    private volatile WatchHealth health;
    private int consecutiveFailures;
    private Instant lastSuccess;

    public Watch(String instanceId, CallSource source, WatchState state, Lease lease, Detector detector,
                 AlertSink sink, WatchMetrics metrics, Clock clock, Duration interval, Duration lookback,
                 Duration backfill) {
        this.instanceId = instanceId;
        this.source = source;
        this.state = state;
        this.lease = lease;
        this.detector = detector;
        this.sink = sink;
        this.metrics = metrics;
        this.clock = clock;
        this.interval = interval;
        this.lookback = lookback;
        this.backfill = backfill.compareTo(lookback) > 0 ? backfill : lookback;
        // Two missed renewals before another instance takes over; a minute at least, for short demo intervals.
        Duration twice = interval.multipliedBy(2);
        this.leaseTtl = twice.compareTo(Duration.ofMinutes(1)) > 0 ? twice : Duration.ofMinutes(1);
        Duration span = detector.rules().longestSpan();
        this.recentRetention = (lookback.compareTo(span) > 0 ? lookback : span).plus(interval);
        this.historyRetention = Duration.ofDays(Math.max(detector.rules().newPairDays(),
                Math.max(detector.rules().baselineDays(), DigestBuilder.WEEK_DAYS) + 1) + 1L);
        this.health = new WatchHealth(WatchHealth.Status.STARTING, "no poll yet", null, 0);
    }

    public String instanceId() {
        return instanceId;
    }

    public Duration interval() {
        return interval;
    }

    public synchronized Tick tick() {
        Instant now = clock.instant();
        if (!lease.acquire(instanceId, leaseTtl)) {
            return standby();
        }
        WatchState.Versioned loaded = state.load();
        Checkpoint checkpoint = loaded.checkpoint();
        Instant from = windowStart(checkpoint.watermark(), now);
        CallBook book = new CallBook(checkpoint);
        List<CallRow> newFailures = new ArrayList<>();
        long[] added = {0, 0};
        Instant recentHorizon = now.minus(recentRetention);
        Instant historyHorizon = now.minus(historyRetention);
        CallSource.ReadResult read = new CallSource.ReadResult(0, 0, 0, null, 0);
        try {
            for (Instant chunkFrom = from; chunkFrom.isBefore(now); ) {
                Instant chunkTo = chunkFrom.plus(CHUNK).isBefore(now) ? chunkFrom.plus(CHUNK) : now;
                read = sum(read, source.read(chunkFrom, chunkTo, row -> {
                    if (book.add(row)) {
                        added[0]++;
                        // Only calls that grow an open incident are kept; the others are in the book already.
                        if (row.outcome().failed()
                                && book.incidents().containsKey(Incident.pairKey(row.sbc(), row.pair().key()))) {
                            newFailures.add(row);
                        }
                    } else {
                        added[1]++;
                    }
                }));
                book.forget(recentHorizon, historyHorizon);
                chunkFrom = chunkTo;
                if (chunkFrom.isBefore(now) && !lease.renew(instanceId, leaseTtl)) {
                    return lostLease(null);
                }
            }
        } catch (SourceException e) {
            return failed(loaded, from, now, e);
        }
        metrics.recordsRead(read.rows(), added[1], read.unreadable());
        book.coveredFrom(from);
        List<Alert> alerts = detector.evaluate(book, newFailures, now, state.mutes());
        alerts.stream().filter(a -> a.kind() == AlertKind.OPENED)
                .forEach(a -> a.reasons().forEach(metrics::incidentOpened));
        book.outbox().addAll(alerts);
        PollReport report = new PollReport(now, instanceId, from, now, read.pages(), read.rows(), added[0], added[1],
                read.unreadable(), read.retries(), null, null);
        Checkpoint next = book.toCheckpoint(now, report);
        if (!lease.renew(instanceId, leaseTtl)) {
            return lostLease(report);
        }
        Optional<String> version = state.commit(next, loaded.version());
        if (version.isEmpty()) {
            metrics.poll("conflict");
            LOG.warn("watch: another instance committed during this poll; its result is dropped");
            return new Tick(TickOutcome.CONFLICT, report, List.of(), List.of());
        }
        metrics.poll("ok");
        consecutiveFailures = 0;
        lastSuccess = now;
        health = new WatchHealth(WatchHealth.Status.OK, summary(report), now, 0);
        if (read.unreadable() > 0) {
            LOG.warn("watch: {} Graph rows could not be read (first: {})", read.unreadable(), read.firstProblem());
        }
        return new Tick(TickOutcome.POLLED, report, alerts, deliver(next, version.get()));
    }

    private Tick lostLease(PollReport report) {
        metrics.poll("conflict");
        LOG.warn("watch: the lease was lost during a poll; its result is dropped and the holder polls again");
        return new Tick(TickOutcome.CONFLICT, report, List.of(), List.of());
    }

    private static CallSource.ReadResult sum(CallSource.ReadResult a, CallSource.ReadResult b) {
        return new CallSource.ReadResult(a.pages() + b.pages(), a.rows() + b.rows(), a.unreadable() + b.unreadable(),
                a.firstProblem() != null ? a.firstProblem() : b.firstProblem(), a.retries() + b.retries());
    }

    /** Where this poll's window starts: the backfill the first time, else the look-back before the watermark. */
    private Instant windowStart(Instant watermark, Instant now) {
        Instant from = watermark == null ? now.minus(backfill)
                : (watermark.isAfter(now) ? now : watermark).minus(lookback);
        Instant oldest = now.minus(GRAPH_RETENTION);
        return from.isBefore(oldest) ? oldest : from;
    }

    private Tick standby() {
        metrics.poll("standby");
        PollReport last = state.load().checkpoint().lastPoll();
        String holder = lease.holder().map(Lease.Holder::name).orElse("another instance");
        if (last == null) {
            health = new WatchHealth(WatchHealth.Status.STANDBY, holder + " polls; no poll reported yet", null, 0);
        } else if (last.ok()) {
            health = new WatchHealth(WatchHealth.Status.STANDBY, holder + " polls; " + summary(last), last.at(), 0);
        } else {
            health = new WatchHealth(status(last.problem()), holder + " polls and reports: " + last.reason(),
                    null, 1);
        }
        return new Tick(TickOutcome.STANDBY, last, List.of(), List.of());
    }

    private Tick failed(WatchState.Versioned loaded, Instant from, Instant now, SourceException e) {
        metrics.poll("failed");
        consecutiveFailures++;
        LOG.warn("watch: poll failed ({}): {}", e.problem(), e.reason());
        PollReport report = new PollReport(now, instanceId, from, now, 0, 0, 0, 0, 0, 0, e.problem().name(),
                e.reason());
        // The data stays as it was (the next poll asks again from the same watermark); only the report is shared.
        Checkpoint withReport = loaded.checkpoint().withLastPoll(report);
        Optional<String> version = state.commit(withReport, loaded.version());
        health = new WatchHealth(status(e.problem().name()), e.reason(), lastSuccess, consecutiveFailures);
        List<Alert> delivered = version.map(v -> deliver(withReport, v)).orElse(List.of());
        return new Tick(TickOutcome.FAILED, report, List.of(), delivered);
    }

    /** Hands the outbox to the sink in order, stopping at the first failure; commits what went out. */
    private List<Alert> deliver(Checkpoint checkpoint, String version) {
        List<Alert> delivered = new ArrayList<>();
        for (Alert alert : checkpoint.outbox()) {
            try {
                sink.deliver(alert);
            } catch (Exception e) {
                LOG.warn("watch: alert {} not delivered, kept for the next tick: {}", alert.id(), e.toString());
                break;
            }
            delivered.add(alert);
            metrics.alertSent(alert.kind());
        }
        if (!delivered.isEmpty()) {
            List<Alert> remaining = new ArrayList<>(checkpoint.outbox().subList(delivered.size(),
                    checkpoint.outbox().size()));
            if (state.commit(checkpoint.withOutbox(remaining), version).isEmpty()) {
                LOG.warn("watch: delivered alerts could not be cleared from the outbox; the sink may see them again");
            }
        }
        return delivered;
    }

    private static WatchHealth.Status status(String problem) {
        return switch (SourceException.Problem.valueOf(problem)) {
            case UNREACHABLE, THROTTLED -> WatchHealth.Status.UNREACHABLE;
            case CREDENTIALS -> WatchHealth.Status.CREDENTIALS_REJECTED;
            case PERMISSION -> WatchHealth.Status.PERMISSION_MISSING;
            case BAD_RESPONSE -> WatchHealth.Status.FAILING;
        };
    }

    private static String summary(PollReport report) {
        return "last poll at " + report.at() + " read " + report.rows() + " calls (" + report.newRows() + " new) in "
                + report.pages() + " page(s)" + (report.unreadable() > 0 ? ", " + report.unreadable() + " unreadable" : "");
    }

    public WatchHealth health() {
        return health;
    }

    /** Silences an incident's updates for a while (a card's "mute for a day"); any instance may do this. */
    public void mute(String incidentId, Duration duration) {
        state.mute(incidentId, clock.instant().plus(duration));
    }

    public List<Incident> openIncidents() {
        return state.load().checkpoint().incidents();
    }

    /**
     * The calls of one SBC that started in [from, to), as the watch holds them now (records that arrived late
     * included), by start time; empty when part of that span is older than the calls the watch keeps (the look-back
     * or the longest detection span, whichever is longer, and one interval): only hourly counts remain of those.
     */
    public Optional<List<RecentCall>> windowCalls(String sbc, Instant from, Instant to) {
        Checkpoint checkpoint = state.load().checkpoint();
        Instant watermark = checkpoint.watermark();
        if (watermark == null || from.isBefore(watermark.minus(recentRetention))) {
            return Optional.empty();
        }
        long start = from.getEpochSecond();
        long end = to.getEpochSecond();
        return Optional.of(checkpoint.recent().stream()
                .filter(c -> c.sbc().equals(sbc) && c.start() >= start && c.start() < end)
                .sorted(Comparator.comparingLong(RecentCall::start).thenComparing(RecentCall::id))
                .toList());
    }

    /** The digest of one day in a time zone, from the shared history. */
    public Digest digest(LocalDate day, ZoneId zone) {
        return DigestBuilder.build(state.load().checkpoint(), day, zone);
    }

    /** At shutdown: lets another instance take over at once. */
    public void release() {
        lease.release(instanceId);
    }
}
