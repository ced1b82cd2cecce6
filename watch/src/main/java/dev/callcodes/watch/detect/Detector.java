package dev.callcodes.watch.detect;

import dev.callcodes.catalog.Wording;
import dev.callcodes.watch.calls.CallRow;
import dev.callcodes.watch.calls.CodePair;
import dev.callcodes.watch.state.CallBook;
import dev.callcodes.watch.state.RecentCall;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The detection rules, run after every poll over the book of recent calls and hourly history.
 *
 * <p><b>Minimum calls.</b> No rate is judged on fewer than {@code minCalls} calls of the SBC in the window: the
 * Teams Direct Routing health dashboard warns that with fewer than 100 calls its network effectiveness ratio
 * "might be quite low, but still be normal". The watch judges per hour rather than per period, so it asks for
 * fewer calls (50 by default) and makes up for it with the bounds below, which widen as counts shrink. Two
 * months of generated calls showed why not fewer: at 30 to 45 calls an hour (weekends, evenings) chance alone gave
 * three alarms in 53 quiet days; an SBC that carries less should get a longer {@code CALLCODES_WATCH_WINDOW}.
 *
 * <p><b>Baseline and "well above".</b> For each SBC and code pair, the baseline is the pair's share of that SBC's
 * calls over the same clock hours (those the window touches) on each of the previous 7 days, pooled: busy
 * weekdays weigh more than quiet nights, as they should. A pair is failing well above its baseline when all of:
 * <ul>
 *   <li>its share of the SBC's calls in the window rose by at least {@code minRise} (5 percentage points) over
 *       the baseline's share: small rises are not worth a message;</li>
 *   <li>the Wilson lower bound of the window's share is above the Wilson upper bound of the baseline's share, both
 *       at z = 3.72 (one-sided 1 in 10,000, since every poll tests every pair of every SBC): the rise is not noise
 *       of either count;</li>
 *   <li>that lower bound is also at least half of {@code minRise} above the baseline: at night, with few calls, a
 *       handful of failures cannot carry an alert;</li>
 *   <li>at least {@code minFailures} (5) failures, and a baseline of at least {@code minBaselineCalls} (200).</li>
 * </ul>
 * It is back to normal when the window has no such failure, or its share is within half of {@code minRise} of the
 * baseline on enough calls, for {@code resolvePolls} polls in a row (hysteresis: a rate hovering at the threshold
 * does not open and close incidents in turn).
 *
 * <p><b>New pair.</b> At least {@code minNewPairCalls} (3) failures in the window with a pair the SBC did not have in
 * the 30 days before the last 3 hours, once the watch holds 7 days of history. Resolved when the window has none.
 *
 * <p><b>Silence.</b> No call at all from an SBC for {@code silenceWindow} (2 hours) while its history expects at
 * least {@code minExpectedCalls} (10; a Poisson count of 10 is zero about once in 22,000) in that span. The
 * expectation is the lower of two counts over the same clock hours: the same weekday a week ago, and the median
 * of the previous 7 days, so a quiet weekend is judged by last weekend and a holiday week by the median. Records
 * arrive up to about 150 minutes late, but most within minutes: a 2-hour span with nothing at all is not lateness.
 *
 * <p>Families are called out in every alert: 569xxx as TLS and connection failures, 560xxx as sent by the SBC.
 */
public final class Detector {

    private static final Duration NEW_PAIR_GRACE = Duration.ofHours(3);
    private final DetectionRules rules;

    public Detector(DetectionRules rules) {
        this.rules = rules;
    }

    public DetectionRules rules() {
        return rules;
    }

    /**
     * Updates the book's incidents for the calls now in it and returns the alerts to send. {@code newFailures} are
     * the failed calls this poll added (each call once, late ones included), which grow open incidents.
     */
    public List<Alert> evaluate(CallBook book, List<CallRow> newFailures, Instant now, Map<String, Instant> mutes) {
        Instant windowStart = now.minus(rules.window());
        Instant silenceStart = now.minus(rules.silenceWindow());
        Map<String, SbcWindow> windows = new HashMap<>();
        Map<String, Integer> silenceCounts = new HashMap<>();
        Map<String, Long> lastCall = new HashMap<>();
        scan(book, windowStart.getEpochSecond(), silenceStart.getEpochSecond(), now.getEpochSecond(), windows,
                silenceCounts, lastCall);
        grow(book, newFailures);

        boolean enoughHistory = book.historyStart() != null
                && !book.historyStart().isAfter(now.minus(rules.minHistory()));
        List<Alert> alerts = new ArrayList<>();
        Window window = new Window(windowStart, now);

        Set<String> pairKeys = new TreeSet<>();
        windows.forEach((sbc, w) -> w.pairs.keySet().forEach(pair -> pairKeys.add(Incident.pairKey(sbc, pair))));
        book.incidents().values().stream().filter(i -> i.pair() != null).forEach(i -> pairKeys.add(i.key()));
        Map<String, Baseline> baselines = new HashMap<>();
        for (String key : pairKeys) {
            String[] parts = key.split("\\|", 3);
            String sbc = parts[1];
            String pair = parts[2];
            SbcWindow w = windows.getOrDefault(sbc, SbcWindow.EMPTY);
            Baseline baseline = baselines.computeIfAbsent(sbc, s -> baseline(book, s, windowStart, now));
            evaluatePair(book, key, sbc, pair, w, baseline, enoughHistory, now, window, mutes, alerts);
        }

        Set<String> silenceCandidates = new TreeSet<>(book.sbcsSince(hour(now.minus(Duration.ofDays(rules.baselineDays() + 1)))));
        book.incidents().values().stream().filter(i -> i.pair() == null).forEach(i -> silenceCandidates.add(i.sbc()));
        for (String sbc : silenceCandidates) {
            evaluateSilence(book, sbc, silenceCounts.getOrDefault(sbc, 0), lastCall.get(sbc), enoughHistory, now,
                    new Window(silenceStart, now), alerts);
        }
        return alerts;
    }

    private static void scan(CallBook book, long windowFrom, long silenceFrom, long to, Map<String, SbcWindow> windows,
                             Map<String, Integer> silenceCounts, Map<String, Long> lastCall) {
        for (RecentCall call : book.recent()) {
            if (call.start() >= to) {
                continue;
            }
            lastCall.merge(call.sbc(), call.start(), Math::max);
            if (call.start() >= silenceFrom) {
                silenceCounts.merge(call.sbc(), 1, Integer::sum);
            }
            if (call.start() < windowFrom) {
                continue;
            }
            SbcWindow w = windows.computeIfAbsent(call.sbc(), s -> new SbcWindow());
            w.calls++;
            if (call.failed()) {
                PairWindow p = w.pairs.computeIfAbsent(call.pair(), k -> new PairWindow());
                p.failures++;
                if (call.user() != null && p.users.size() < Incident.MAX_USERS) {
                    p.users.add(call.user());
                }
                if (call.start() >= p.lastStart) {
                    p.lastStart = call.start();
                    p.correlationId = call.correlationId() != null ? call.correlationId() : p.correlationId;
                }
                p.firstStart = Math.min(p.firstStart, call.start());
            }
        }
    }

    /** Counts this poll's new failures into the open incidents of their pair. */
    private static void grow(CallBook book, List<CallRow> newFailures) {
        for (CallRow row : newFailures) {
            String key = Incident.pairKey(row.sbc(), row.pair().key());
            Incident open = book.incidents().get(key);
            if (open == null) {
                continue;
            }
            Set<String> users = open.users();
            if (row.user() != null && users.size() < Incident.MAX_USERS && !users.contains(row.user())) {
                users = new HashSet<>(users);
                users.add(row.user());
            }
            Instant last = open.lastFailure() == null || row.startDateTime().isAfter(open.lastFailure())
                    ? row.startDateTime() : open.lastFailure();
            String example = row.correlationId() != null && last.equals(row.startDateTime())
                    ? row.correlationId() : open.exampleCorrelationId();
            String phrase = row.finalSipCodePhrase() != null ? row.finalSipCodePhrase() : open.phrase();
            book.incidents().put(key, new Incident(key, open.id(), open.sbc(), open.pair(), open.reasons(),
                    open.since(), open.openedAt(), last, open.affectedCalls() + 1, users, example, phrase,
                    open.callsInWindow(), open.failuresInWindow(), open.rate(), open.baselineRate(), open.peakRate(),
                    open.expectedCalls(), open.revision(), open.alertedAffected(), open.calmPolls()));
        }
    }

    private void evaluatePair(CallBook book, String key, String sbc, String pair, SbcWindow w, Baseline baseline,
                              boolean enoughHistory, Instant now, Window window, Map<String, Instant> mutes,
                              List<Alert> alerts) {
        PairWindow pw = w.pairs.getOrDefault(pair, PairWindow.EMPTY);
        int n = w.calls;
        int f = pw.failures;
        double p = n == 0 ? 0 : (double) f / n;
        long nb = baseline.calls;
        long fb = baseline.failures.getOrDefault(pair, 0L);
        double p0 = nb == 0 ? 0 : (double) fb / nb;
        boolean rateHigh = n >= rules.minCalls() && nb >= rules.minBaselineCalls() && f >= rules.minFailures()
                && p - p0 >= rules.minRise()
                && Wilson.lower(f, n, rules.z()) > Wilson.upper(fb, nb, rules.z())
                && Wilson.lower(f, n, rules.z()) >= p0 + rules.minRise() / 2;
        Incident open = book.incidents().get(key);
        if (open == null) {
            boolean isNew = enoughHistory && f >= rules.minNewPairCalls()
                    && !book.pairSeen(sbc, pair, hour(now.minus(Duration.ofDays(rules.newPairDays()))),
                    hour(now.minus(NEW_PAIR_GRACE.compareTo(rules.window()) > 0 ? NEW_PAIR_GRACE : rules.window())));
            if (!rateHigh && !isNew) {
                return;
            }
            Set<IncidentType> reasons = EnumSet.noneOf(IncidentType.class);
            if (isNew) {
                reasons.add(IncidentType.NEW_PAIR);
            }
            if (rateHigh) {
                reasons.add(IncidentType.RATE);
            }
            Instant since = Instant.ofEpochSecond(pw.firstStart);
            Incident incident = new Incident(key, Incident.idOf(key, since), sbc, pair, reasons, since, now,
                    Instant.ofEpochSecond(pw.lastStart), f, pw.users, pw.correlationId, book.phrases().get(pair),
                    n, f, p, p0, p, 0, 1, f, 0);
            book.incidents().put(key, incident);
            alerts.add(alert(incident, AlertKind.OPENED, now, window));
            return;
        }
        Set<IncidentType> reasons = EnumSet.copyOf(open.reasons());
        boolean newReason = rateHigh && reasons.add(IncidentType.RATE);
        boolean calm = open.reasons().contains(IncidentType.RATE) || rateHigh
                ? f == 0 || (n >= rules.minCalls() && p - p0 < rules.minRise() / 2)
                : f == 0;
        int calmPolls = calm ? open.calmPolls() + 1 : 0;
        Incident updated = new Incident(key, open.id(), sbc, pair, reasons, open.since(), open.openedAt(),
                open.lastFailure(), open.affectedCalls(), open.users(), open.exampleCorrelationId(), open.phrase(),
                n, f, p, p0, Math.max(open.peakRate(), p), 0, open.revision(), open.alertedAffected(), calmPolls);
        if (calm && calmPolls >= rules.resolvePolls()) {
            book.incidents().remove(key);
            alerts.add(alert(next(updated), AlertKind.RESOLVED, now, window));
            return;
        }
        boolean grown = updated.affectedCalls() >= Math.max(2 * open.alertedAffected(), open.alertedAffected() + 10);
        if (!calm && (newReason || grown) && !muted(open.id(), now, mutes)) {
            updated = next(updated);
            alerts.add(alert(updated, AlertKind.UPDATED, now, window));
        }
        book.incidents().put(key, updated);
    }

    private void evaluateSilence(CallBook book, String sbc, int callsInSpan, Long lastCallStart, boolean enoughHistory,
                                 Instant now, Window span, List<Alert> alerts) {
        String key = Incident.silenceKey(sbc);
        Incident open = book.incidents().get(key);
        if (open == null) {
            if (!enoughHistory || callsInSpan > 0) {
                return;
            }
            double expected = expectedCalls(book, sbc, span.start(), now, false);
            if (expected < rules.minExpectedCalls()) {
                return;
            }
            Instant since = lastCallStart != null ? Instant.ofEpochSecond(lastCallStart) : span.start();
            Incident incident = new Incident(key, Incident.idOf(key, since), sbc, null,
                    EnumSet.of(IncidentType.SILENCE), since, now, null, 0, Set.of(), null, null, 0, 0, 0, 0, 0,
                    expected, 1, 0, 0);
            book.incidents().put(key, incident);
            alerts.add(alert(incident, AlertKind.OPENED, now, span));
            return;
        }
        int calmPolls = callsInSpan > 0 ? open.calmPolls() + 1 : 0;
        // Silent for so long (about four days) that the median of its own week no longer expects calls: closed,
        // rather than open for ever. The median alone, so that a quiet weekend after a silent Friday does not close it.
        boolean retired = callsInSpan == 0
                && expectedCalls(book, sbc, span.start(), now, true) < rules.minExpectedCalls();
        Incident updated = new Incident(key, open.id(), sbc, null, open.reasons(), open.since(), open.openedAt(),
                null, 0, Set.of(), null, null, callsInSpan, 0, 0, 0, 0, retired ? 0 : open.expectedCalls(),
                open.revision(), 0, calmPolls);
        if (calmPolls >= rules.resolvePolls() || retired) {
            book.incidents().remove(key);
            alerts.add(alert(next(updated), AlertKind.RESOLVED, now, span));
        } else {
            book.incidents().put(key, updated);
        }
    }

    private static boolean muted(String incidentId, Instant now, Map<String, Instant> mutes) {
        Instant until = mutes.get(incidentId);
        return until != null && until.isAfter(now);
    }

    /** The incident after one more alert about it. */
    private static Incident next(Incident i) {
        return new Incident(i.key(), i.id(), i.sbc(), i.pair(), i.reasons(), i.since(), i.openedAt(), i.lastFailure(),
                i.affectedCalls(), i.users(), i.exampleCorrelationId(), i.phrase(), i.callsInWindow(),
                i.failuresInWindow(), i.rate(), i.baselineRate(), i.peakRate(), i.expectedCalls(), i.revision() + 1,
                i.affectedCalls(), i.calmPolls());
    }

    /** The SBC's calls and failures by pair over the same clock hours of each of the previous days. */
    private Baseline baseline(CallBook book, String sbc, Instant from, Instant to) {
        Baseline baseline = new Baseline(rules.baselineDays());
        for (int day = 1; day <= rules.baselineDays(); day++) {
            Duration back = Duration.ofDays(day);
            for (long h = hour(from.minus(back)); h <= hour(to.minus(back).minusSeconds(1)); h++) {
                CallBook.Counts counts = book.hour(h, sbc);
                if (counts == null) {
                    continue;
                }
                baseline.calls += counts.calls();
                baseline.perDay[day - 1] += counts.calls();
                counts.pairs().forEach((pair, k) -> baseline.failures.merge(pair, (long) k, Long::sum));
            }
        }
        return baseline;
    }

    /** Calls the SBC's history expects in [from, to): see the class comment; or the week's median alone. */
    double expectedCalls(CallBook book, String sbc, Instant from, Instant to, boolean medianOnly) {
        Baseline baseline = baseline(book, sbc, from, to);
        long hours = hour(to.minusSeconds(1)) - hour(from) + 1;
        double scale = Duration.between(from, to).toSeconds() / (hours * 3600.0);
        long[] sorted = baseline.perDay.clone();
        Arrays.sort(sorted);
        double median = sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2.0;
        double sameWeekday = baseline.perDay.length >= 7 ? baseline.perDay[6] : median;
        return (medianOnly ? median : Math.min(median, sameWeekday)) * scale;
    }

    private Alert alert(Incident i, AlertKind kind, Instant now, Window window) {
        CodePair pair = i.pair() == null ? null : CodePair.parse(i.pair());
        return new Alert(i.id() + "#" + i.revision(), i.id(), kind, i.reasons(), i.sbc(), pair,
                pair == null ? null : pair.family(), pair == null ? null : pair.originator(), i.phrase(), i.since(),
                now, window.start(), window.end(), i.callsInWindow(), i.failuresInWindow(), i.rate(),
                i.baselineRate(), i.expectedCalls(), i.affectedCalls(), i.users().size(),
                i.users().size() >= Incident.MAX_USERS, i.exampleCorrelationId(), headline(i, kind, pair));
    }

    private String headline(Incident i, AlertKind kind, CodePair pair) {
        if (pair == null) {
            if (kind == AlertKind.RESOLVED) {
                return i.callsInWindow() > 0 ? "Resolved: " + i.sbc() + " carries calls again"
                        : "Closed: " + i.sbc() + " has been silent since " + i.since()
                        + " and its history no longer expects calls (retired?)";
            }
            return i.sbc() + " has carried no calls for " + words(rules.silenceWindow()) + " (about "
                    + Math.round(i.expectedCalls()) + " expected at these hours)";
        }
        String family = switch (pair.family()) {
            case TLS_CONNECTION -> "; a TLS or connection failure between Microsoft and the SBC (569xxx)";
            case SBC_GENERATED -> "; sent by the SBC or the carrier behind it (560xxx)";
            default -> "";
        };
        String what = pair.key() + " on " + i.sbc();
        if (kind == AlertKind.RESOLVED) {
            return "Resolved: " + what + " is back to " + percent(i.rate()) + " of calls (usually "
                    + percent(i.baselineRate()) + ")";
        }
        List<String> parts = new ArrayList<>();
        if (i.reasons().contains(IncidentType.NEW_PAIR)) {
            parts.add("not seen on this SBC in " + rules.newPairDays() + " days");
        }
        if (i.reasons().contains(IncidentType.RATE)) {
            parts.add(percent(i.rate()) + " of calls in the last " + words(rules.window()) + " (" + i.failuresInWindow()
                    + " of " + i.callsInWindow() + "), usually " + percent(i.baselineRate()));
        }
        String growth = kind == AlertKind.UPDATED ? "Growing: " : "";
        // The count is the incident's so far, the bracket after the rate the window's: they must not read alike.
        return growth + what + ": " + i.affectedCalls() + " failed calls since it began; " + String.join(", ", parts)
                + family;
    }

    static String percent(double share) {
        return Wording.share(share);
    }

    static String words(Duration d) {
        return d.toMinutes() % 60 == 0 && d.toHours() > 0 ? d.toHours() + " h" : d.toMinutes() + " min";
    }

    static long hour(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), 3600);
    }

    record Window(Instant start, Instant end) {
    }

    private static final class SbcWindow {
        static final SbcWindow EMPTY = new SbcWindow();
        int calls;
        final Map<String, PairWindow> pairs = new HashMap<>();
    }

    private static final class PairWindow {
        static final PairWindow EMPTY = new PairWindow();
        int failures;
        final Set<String> users = new HashSet<>();
        String correlationId;
        long lastStart = Long.MIN_VALUE;
        long firstStart = Long.MAX_VALUE;
    }

    private static final class Baseline {
        long calls;
        final Map<String, Long> failures = new HashMap<>();
        final long[] perDay;

        Baseline(int days) {
            perDay = new long[days];
        }
    }
}
