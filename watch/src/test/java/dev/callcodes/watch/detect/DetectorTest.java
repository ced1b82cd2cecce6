package dev.callcodes.watch.detect;

import dev.callcodes.watch.calls.CallRow;
import dev.callcodes.watch.calls.CodeFamily;
import dev.callcodes.watch.state.CallBook;
import dev.callcodes.watch.state.Checkpoint;
import dev.callcodes.watch.stub.TestCalls;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Each rule on hand-made calls: one SBC, a known baseline, one change at a time. */
class DetectorTest {

    /** A Wednesday at 11:00 UTC. */
    private static final Instant NOW = Instant.parse("2024-05-08T11:00:00Z");
    private static final String SBC = "sbc1.contoso.com";
    private final Detector detector = new Detector(DetectionRules.defaults());
    private final CallBook book = new CallBook(Checkpoint.EMPTY);
    private int ids;

    /** {@code calls} calls in [from, from + span), {@code failures} of them with the pair, spread evenly. */
    private List<CallRow> calls(Instant from, Duration span, int calls, int failures, String ms, int sip) {
        List<CallRow> rows = new ArrayList<>();
        long step = Math.max(1, span.toSeconds() / Math.max(1, calls));
        for (int i = 0; i < calls; i++) {
            Instant start = from.plusSeconds(i * step);
            String id = "c" + ids++;
            boolean failed = (long) (i + 1) * failures / calls > (long) i * failures / calls;
            rows.add(failed ? TestCalls.call(id, start, SBC, ms, sip, "user" + i + "@contoso.com")
                    : TestCalls.ok(id, start, SBC));
        }
        return rows;
    }

    private List<CallRow> add(List<CallRow> rows) {
        List<CallRow> newFailures = new ArrayList<>();
        rows.forEach(row -> {
            if (book.add(row) && row.outcome().failed()) {
                newFailures.add(row);
            }
        });
        return newFailures;
    }

    /** Eight days of the same hours: 120 calls an hour from 09:00 to 12:00, 2% of them 560503/503. */
    private void history(int days) {
        history(book, days);
    }

    private List<Alert> evaluate(List<CallRow> window, Instant at) {
        return detector.evaluate(book, add(window), at, Map.of());
    }

    @Test
    void aPairWellAboveItsBaselineOpensOneIncident() {
        history(8);
        List<Alert> alerts = evaluate(calls(NOW.minus(Duration.ofHours(1)), Duration.ofHours(1), 120, 24, "560503", 503), NOW);
        assertThat(alerts).hasSize(1);
        Alert alert = alerts.get(0);
        assertThat(alert.kind()).isEqualTo(AlertKind.OPENED);
        assertThat(alert.reasons()).containsExactly(IncidentType.RATE);
        assertThat(alert.family()).isEqualTo(CodeFamily.SBC_GENERATED);
        assertThat(alert.rate()).isCloseTo(0.2, within(1e-9));
        assertThat(alert.baselineRate()).isCloseTo(7.0 / 360, within(0.005));
        assertThat(alert.affectedCalls()).isEqualTo(24);
        assertThat(alert.affectedUsers()).isEqualTo(24);
        assertThat(alert.since()).isBetween(NOW.minus(Duration.ofHours(1)), NOW.minus(Duration.ofMinutes(55)));
        assertThat(alert.headline()).isEqualTo("560503/503 on sbc1.contoso.com: 24 failed calls since it began; 20.0% of calls in the"
                + " last 1 h (24 of 120), usually " + Detector.percent(alert.baselineRate())
                + "; sent by the SBC or the carrier behind it (560xxx)");
        assertThat(evaluate(List.of(), NOW.plus(Duration.ofMinutes(15)))).as("still open, not alerted again").isEmpty();
    }

    @Test
    void noRateIsJudgedOnTooFewCalls() {
        history(8);
        assertThat(evaluate(calls(NOW.minus(Duration.ofHours(1)), Duration.ofHours(1), 40, 20, "560503", 503), NOW))
                .as("half of 40 calls failing is not judged").isEmpty();
        assertThat(evaluate(calls(NOW.minus(Duration.ofMinutes(30)), Duration.ofMinutes(30), 20, 5, "560503", 503),
                NOW.plus(Duration.ofMinutes(1)))).as("60 calls now").hasSize(1);
    }

    @Test
    void aSmallRiseIsNotReportedEvenOnManyCalls() {
        history(8);
        // 4% against a baseline of 1.9%: significant on 1,000 calls, but under the 5-point minimum
        assertThat(evaluate(calls(NOW.minus(Duration.ofHours(1)), Duration.ofHours(1), 1000, 40, "560503", 503), NOW))
                .isEmpty();
    }

    @Test
    void resolvesOnlyAfterTwoCalmPollsAndNotWhileHovering() {
        history(8);
        assertThat(evaluate(calls(NOW.minus(Duration.ofHours(1)), Duration.ofHours(1), 120, 30, "560503", 503), NOW))
                .hasSize(1);
        // the next hour hovers at 6% (above baseline + half the minimum rise): not calm
        Instant later = NOW.plus(Duration.ofHours(1));
        assertThat(evaluate(calls(NOW, Duration.ofHours(1), 120, 7, "560503", 503), later)).isEmpty();
        assertThat(book.incidents()).hasSize(1);
        // then back to the baseline: calm once, then resolved
        Instant calm = later.plus(Duration.ofHours(1));
        assertThat(evaluate(calls(later, Duration.ofHours(1), 120, 2, "560503", 503), calm)).isEmpty();
        List<Alert> resolved = evaluate(List.of(), calm.plus(Duration.ofMinutes(15)));
        assertThat(resolved).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AlertKind.RESOLVED);
            assertThat(a.headline()).startsWith("Resolved: 560503/503 on sbc1.contoso.com is back to");
        });
        assertThat(book.incidents()).isEmpty();
    }

    @Test
    void growthUpdatesTheIncidentUnlessMuted() {
        history(8);
        Alert opened = evaluate(calls(NOW.minus(Duration.ofMinutes(30)), Duration.ofMinutes(30), 60, 20, "560503", 503), NOW)
                .get(0);
        List<Alert> grown = evaluate(calls(NOW.minus(Duration.ofMinutes(10)), Duration.ofMinutes(10), 30, 30, "560503", 503),
                NOW.plus(Duration.ofMinutes(1)));
        assertThat(grown).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AlertKind.UPDATED);
            assertThat(a.incidentId()).isEqualTo(opened.incidentId());
            assertThat(a.id()).isEqualTo(opened.incidentId() + "#2");
            assertThat(a.affectedCalls()).isEqualTo(50);
            assertThat(a.headline()).startsWith("Growing: ");
        });
        List<CallRow> more = calls(NOW.minus(Duration.ofMinutes(5)), Duration.ofMinutes(5), 100, 100, "560503", 503);
        assertThat(detector.evaluate(book, add(more), NOW.plus(Duration.ofMinutes(2)),
                Map.of(opened.incidentId(), NOW.plus(Duration.ofDays(1))))).as("muted").isEmpty();
    }

    @Test
    void callsAnsweredElsewhereAreNotFailures() {
        history(8);
        assertThat(evaluate(calls(NOW.minus(Duration.ofHours(1)), Duration.ofHours(1), 120, 100, "540200", 487), NOW))
                .isEmpty();
    }

    @Test
    void aPairNeverSeenOnTheSbcIsNewOnceThereIsAWeekOfHistory() {
        history(3);
        assertThat(evaluate(calls(NOW.minus(Duration.ofMinutes(30)), Duration.ofMinutes(30), 10, 3, "510562", 403), NOW))
                .as("3 days of history cannot say 'new'").isEmpty();
        CallBook fresh = new CallBook(Checkpoint.EMPTY);
        history(fresh, 8);
        List<CallRow> window = calls(NOW.minus(Duration.ofMinutes(30)), Duration.ofMinutes(30), 10, 3, "510562", 403);
        window.forEach(fresh::add);
        List<Alert> alerts = detector.evaluate(fresh, window, NOW, Map.of());
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.reasons()).containsExactly(IncidentType.NEW_PAIR);
            assertThat(a.family()).isEqualTo(CodeFamily.MICROSOFT);
            assertThat(a.headline()).isEqualTo("510562/403 on sbc1.contoso.com: 3 failed calls since it began; not seen on this SBC in 30 days");
        });
    }

    private void history(CallBook target, int days) {
        for (int day = days; day >= 1; day--) {
            Instant start = NOW.minus(Duration.ofDays(day)).minus(Duration.ofHours(2));
            calls(start, Duration.ofHours(3), 360, 7, "560503", 503).forEach(target::add);
        }
        target.coveredFrom(NOW.minus(Duration.ofDays(days)).minus(Duration.ofHours(2)));
    }

    @Test
    void anSbcThatFallsSilentIsReportedAndResolvedWhenCallsReturn() {
        // a week of office-hour traffic, then nothing since 08:30
        for (int day = 8; day >= 1; day--) {
            add(calls(NOW.minus(Duration.ofDays(day)).minus(Duration.ofHours(3)), Duration.ofHours(4), 400, 0, "0", 0));
        }
        book.coveredFrom(NOW.minus(Duration.ofDays(8)).minus(Duration.ofHours(3)));
        add(calls(NOW.minus(Duration.ofHours(3)), Duration.ofMinutes(30), 50, 0, "0", 0));
        List<Alert> alerts = evaluate(List.of(), NOW);
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.reasons()).containsExactly(IncidentType.SILENCE);
            assertThat(a.pair()).isNull();
            assertThat(a.expectedCalls()).isCloseTo(200, within(1.0));
            assertThat(a.since()).isBefore(NOW.minus(Duration.ofMinutes(150)));
            assertThat(a.headline()).isEqualTo("sbc1.contoso.com has carried no calls for 2 h (about 200 expected at these hours)");
        });
        assertThat(evaluate(calls(NOW, Duration.ofMinutes(5), 5, 0, "0", 0), NOW.plus(Duration.ofMinutes(15)))).isEmpty();
        assertThat(evaluate(List.of(), NOW.plus(Duration.ofMinutes(30)))).singleElement()
                .satisfies(a -> assertThat(a.kind()).isEqualTo(AlertKind.RESOLVED));
    }

    @Test
    void anSbcSilentForDaysIsClosedOnceItsHistoryExpectsNothing() {
        for (int day = 8; day >= 1; day--) {
            add(calls(NOW.minus(Duration.ofDays(day)).minus(Duration.ofHours(3)), Duration.ofHours(4), 400, 0, "0", 0));
        }
        book.coveredFrom(NOW.minus(Duration.ofDays(8)).minus(Duration.ofHours(3)));
        add(calls(NOW.minus(Duration.ofHours(3)), Duration.ofMinutes(30), 50, 0, "0", 0));
        assertThat(evaluate(List.of(), NOW)).hasSize(1);
        List<Alert> later = new ArrayList<>();
        for (int day = 1; day <= 8 && later.isEmpty(); day++) {
            later.addAll(evaluate(List.of(), NOW.plus(Duration.ofDays(day))));
        }
        assertThat(later).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AlertKind.RESOLVED);
            assertThat(a.headline()).startsWith("Closed: sbc1.contoso.com has been silent since")
                    .endsWith("its history no longer expects calls (retired?)");
        });
        assertThat(book.incidents()).isEmpty();
    }

    @Test
    void aQuietWeekendIsJudgedByLastWeekend() {
        // busy every day but the same weekday a week ago, which was quiet: silence today is not unusual
        for (int day = 8; day >= 1; day--) {
            int calls = day == 7 ? 4 : 400;
            add(calls(NOW.minus(Duration.ofDays(day)).minus(Duration.ofHours(3)), Duration.ofHours(4), calls, 0, "0", 0));
        }
        book.coveredFrom(NOW.minus(Duration.ofDays(8)).minus(Duration.ofHours(3)));
        add(calls(NOW.minus(Duration.ofHours(3)), Duration.ofMinutes(30), 5, 0, "0", 0));
        assertThat(evaluate(List.of(), NOW)).isEmpty();
    }

    @Test
    void wilsonBoundsStayInsideZeroAndOne() {
        assertThat(Wilson.lower(0, 10, 3.72)).isZero();
        assertThat(Wilson.upper(10, 10, 3.72)).isEqualTo(1.0);
        assertThat(Wilson.upper(0, 1000, 3.72)).isBetween(0.0, 0.02);
        assertThat(Wilson.lower(500, 1000, 1.96)).isCloseTo(0.469, within(0.001));
        assertThat(Wilson.upper(500, 1000, 1.96)).isCloseTo(0.531, within(0.001));
    }
}
