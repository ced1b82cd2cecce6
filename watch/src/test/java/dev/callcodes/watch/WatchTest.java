package dev.callcodes.watch;

import dev.callcodes.watch.calls.CallRow;
import dev.callcodes.watch.calls.CodeFamily;
import dev.callcodes.watch.calls.CodePair;
import dev.callcodes.watch.demo.CallGenerator;
import dev.callcodes.watch.detect.Alert;
import dev.callcodes.watch.detect.AlertKind;
import dev.callcodes.watch.detect.IncidentType;
import dev.callcodes.watch.state.Checkpoint;
import dev.callcodes.watch.state.HourBucket;
import dev.callcodes.watch.state.InMemoryLease;
import dev.callcodes.watch.state.InMemoryWatchState;
import dev.callcodes.watch.stub.GraphStub;
import dev.callcodes.watch.stub.ManualClock;
import dev.callcodes.watch.stub.StubServer;
import dev.callcodes.watch.stub.TestCalls;
import dev.callcodes.watch.stub.TestTls;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole watch as the app will build it ({@link WatchSetup}), over real HTTP to a local Graph stub and HTTPS to a
 * local token endpoint, with the in-memory state and lease the shared store will replace. Time is a manual clock.
 */
class WatchTest {

    private static final Instant T = Instant.parse("2024-05-08T10:00:00Z");
    private static final String SBC = "sbc1.contoso.com";
    private static final CodePair TLS = new CodePair("569002", 504);

    private final ManualClock clock = new ManualClock(T);
    private final InMemoryWatchState state = new InMemoryWatchState();
    private final InMemoryLease lease = new InMemoryLease(clock);
    private final List<Alert> sent = new CopyOnWriteArrayList<>();
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private GraphStub stub;

    @BeforeEach
    void start() throws Exception {
        stub = GraphStub.withHttpGraph(clock);
        // Three days of steady calls on one SBC, and a TLS failure burst from T - 20 min to T + 40 min.
        CallGenerator generator = new CallGenerator(7, List.of(new CallGenerator.Sbc(SBC, 2, 0.1)),
                List.of(new CallGenerator.Planted("tls", IncidentType.RATE, SBC, TLS,
                        "Unable to deliver INVITE: outgoing TLS negotiation failed; HRESULT=0x80090326",
                        T.minus(Duration.ofMinutes(20)), T.plus(Duration.ofMinutes(40)), 0.6)),
                CallGenerator.Shape.FLAT, Duration.ZERO, Duration.ZERO, ZoneOffset.UTC);
        List<CallRow> rows = new ArrayList<>();
        generator.generate(T.minus(Duration.ofDays(3)), T.plus(Duration.ofHours(4)), Instant.parse("3000-01-01T00:00:00Z"), rows::add);
        rows.forEach(row -> stub.add(row, row.startDateTime().plusSeconds(30)));
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    private Watch watch(String instance) {
        return watch(instance, sent::add);
    }

    private Watch watch(String instance, AlertSink sink) {
        Map<String, String> env = new HashMap<>(stub.environment());
        env.put("CALLCODES_WATCH_BACKFILL", "3d");
        WatchSettings settings = WatchSettings.from(env);
        return WatchSetup.create(settings, WatchedTenant.of(settings), instance, state, lease, sink,
                new CountingWatchMetrics(), clock, TestTls.get().client(), sleeps::add).orElseThrow();
    }

    private long sentOf(AlertKind kind) {
        return sent.stream().filter(a -> a.kind() == kind).count();
    }

    private Checkpoint checkpoint() {
        return state.load().checkpoint();
    }

    @Test
    void aBurstIsAlertedOnceUpdatedAsItGrowsAndResolvedOnce() {
        Watch watch = watch("a");
        Watch.Tick first = watch.tick();
        assertThat(first.outcome()).isEqualTo(Watch.TickOutcome.POLLED);
        assertThat(first.report().pages()).as("three days of calls, 1,000 a page").isGreaterThan(8);
        assertThat(first.report().from()).isEqualTo(T.minus(Duration.ofDays(3)));
        assertThat(stub.server().requests().stream().filter(r -> r.uri().getRawQuery() == null))
                .as("the backfill is read a day at a time").hasSize(3);
        assertThat(sent).hasSize(1);
        Alert opened = sent.get(0);
        assertThat(opened.kind()).isEqualTo(AlertKind.OPENED);
        assertThat(opened.reasons()).containsExactly(IncidentType.RATE);
        assertThat(opened.sbc()).isEqualTo(SBC);
        assertThat(opened.pair()).isEqualTo(TLS);
        assertThat(opened.family()).isEqualTo(CodeFamily.TLS_CONNECTION);
        assertThat(opened.since()).isBetween(T.minus(Duration.ofMinutes(20)), T.minus(Duration.ofMinutes(15)));
        assertThat(opened.affectedCalls()).isGreaterThan(10);
        assertThat(opened.affectedUsers()).isGreaterThan(5);
        assertThat(opened.exampleCorrelationId()).isNotBlank();
        assertThat(opened.phrase()).contains("TLS negotiation failed");
        assertThat(opened.windowStart()).isEqualTo(T.minus(Duration.ofHours(1)));
        assertThat(opened.headline()).contains("569002/504 on sbc1.contoso.com", "TLS or connection failure");
        assertThat(watch.health().status()).isEqualTo(WatchHealth.Status.OK);

        for (int i = 0; i < 12; i++) {
            clock.advance(Duration.ofMinutes(15));
            watch.tick();
        }
        assertThat(sentOf(AlertKind.OPENED)).isEqualTo(1);
        assertThat(sentOf(AlertKind.UPDATED)).as("it grew past twice its first count").isBetween(1L, 3L);
        assertThat(sentOf(AlertKind.RESOLVED)).isEqualTo(1);
        assertThat(sent).extracting(Alert::incidentId).containsOnly(opened.incidentId());
        assertThat(sent).extracting(Alert::id).doesNotHaveDuplicates();
        Alert resolved = sent.get(sent.size() - 1);
        assertThat(resolved.kind()).isEqualTo(AlertKind.RESOLVED);
        assertThat(resolved.at()).isAfter(T.plus(Duration.ofMinutes(40)));
        assertThat(checkpoint().incidents()).isEmpty();
        assertThat(checkpoint().outbox()).isEmpty();
    }

    @Test
    void lateAndRepeatedRecordsAreCountedOnce() {
        Instant start = T.minus(Duration.ofMinutes(10));
        CallRow late = TestCalls.call("late-one", start, "sbc-late.contoso.com", "560503", 503, "u@contoso.com");
        stub.add(late, T.plus(Duration.ofMinutes(100)));
        stub.add(late, T.plus(Duration.ofMinutes(100)));
        Watch watch = watch("a");
        watch.tick();
        assertThat(calls("sbc-late.contoso.com")).isZero();
        long duplicates = 0;
        for (int i = 0; i < 8; i++) {
            clock.advance(Duration.ofMinutes(15));
            duplicates += watch.tick().report().duplicates();
        }
        assertThat(calls("sbc-late.contoso.com")).as("arrived 100 minutes late, listed twice, polled 2 times since")
                .isEqualTo(1);
        assertThat(duplicates).isGreaterThan(0);
        assertThat(checkpoint().recent()).extracting(r -> r.id()).doesNotHaveDuplicates();
    }

    private long calls(String sbc) {
        return checkpoint().history().stream().filter(b -> b.sbc().equals(sbc)).mapToLong(HourBucket::calls).sum();
    }

    @Test
    void seenIdsOlderThanTheWindowAreForgotten() {
        Watch watch = watch("a");
        watch.tick();
        clock.advance(Duration.ofMinutes(15));
        watch.tick();
        long horizon = T.plus(Duration.ofMinutes(15)).minus(Duration.ofHours(3)).minus(Duration.ofMinutes(15)).getEpochSecond();
        assertThat(checkpoint().recent()).allSatisfy(call -> assertThat(call.start()).isGreaterThanOrEqualTo(horizon));
        assertThat(checkpoint().recent().size()).as("about 3 h 15 min of 2 calls a minute").isBetween(300, 480);
    }

    @Test
    void aRestartResumesFromTheWatermarkWithoutAlertingAgain() {
        Watch before = watch("a");
        before.tick();
        assertThat(sentOf(AlertKind.OPENED)).isEqualTo(1);
        clock.advance(Duration.ofMinutes(15));
        Watch after = watch("a");
        Watch.Tick tick = after.tick();
        assertThat(tick.report().from()).as("watermark minus the look-back, not the backfill")
                .isEqualTo(T.minus(Duration.ofHours(3)));
        assertThat(sentOf(AlertKind.OPENED)).isEqualTo(1);
        assertThat(tick.report().duplicates()).isGreaterThan(250);
    }

    @Test
    void anAlertCommittedButNotDeliveredIsSentOnceAfterARestart() {
        AtomicBoolean down = new AtomicBoolean(true);
        Watch crashed = watch("a", alert -> {
            if (down.get()) {
                throw new IllegalStateException("Teams unreachable");
            }
            sent.add(alert);
        });
        crashed.tick();
        assertThat(sent).isEmpty();
        assertThat(checkpoint().outbox()).hasSize(1);
        down.set(false);
        clock.advance(Duration.ofMinutes(15));
        watch("a").tick();
        assertThat(sentOf(AlertKind.OPENED)).isEqualTo(1);
        assertThat(checkpoint().outbox()).isEmpty();
    }

    @Test
    void twoInstancesShareOneStateAndLeaseAndOnlyOnePolls() {
        Watch a = watch("a");
        Watch b = watch("b");
        List<Watch.TickOutcome> outcomesB = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            assertThat(a.tick().outcome()).isEqualTo(Watch.TickOutcome.POLLED);
            long graphRequests = stub.graphRequests();
            outcomesB.add(b.tick().outcome());
            assertThat(stub.graphRequests()).as("the standby sent nothing to Graph").isEqualTo(graphRequests);
            clock.advance(Duration.ofMinutes(15));
        }
        assertThat(outcomesB).containsOnly(Watch.TickOutcome.STANDBY);
        assertThat(b.health().status()).isEqualTo(WatchHealth.Status.STANDBY);
        assertThat(b.health().reason()).startsWith("a polls; last poll at");

        // a dies without releasing the lease (last renewed 15 min ago): b takes over once it has expired (30 min)
        clock.advance(Duration.ofMinutes(10));
        assertThat(b.tick().outcome()).isEqualTo(Watch.TickOutcome.STANDBY);
        clock.advance(Duration.ofMinutes(15));
        assertThat(b.tick().outcome()).isEqualTo(Watch.TickOutcome.POLLED);
        for (int i = 0; i < 6; i++) {
            clock.advance(Duration.ofMinutes(15));
            b.tick();
        }
        assertThat(sentOf(AlertKind.OPENED)).as("one incident, one alert, across both instances").isEqualTo(1);
        assertThat(sentOf(AlertKind.RESOLVED)).isEqualTo(1);
        assertThat(sent).extracting(Alert::id).doesNotHaveDuplicates();
    }

    @Test
    void aReleasedLeaseIsTakenAtOnce() {
        Watch a = watch("a");
        Watch b = watch("b");
        a.tick();
        a.release();
        assertThat(b.tick().outcome()).isEqualTo(Watch.TickOutcome.POLLED);
    }

    @Test
    void anOutageIsReportedAndWhatStartedDuringItIsReadAfterwards() {
        Watch watch = watch("a");
        watch.tick();
        stub.outage(true);
        clock.advance(Duration.ofMinutes(15));
        Watch.Tick failed = watch.tick();
        assertThat(failed.outcome()).isEqualTo(Watch.TickOutcome.FAILED);
        assertThat(watch.health().status()).isEqualTo(WatchHealth.Status.UNREACHABLE);
        assertThat(watch.health().healthy()).isFalse();
        assertThat(watch.health().reason()).startsWith("Graph answered 503 6 times");
        assertThat(sleeps).hasSize(5);
        assertThat(checkpoint().watermark()).as("unchanged").isEqualTo(T);
        assertThat(checkpoint().lastPoll().problem()).isEqualTo("UNREACHABLE");

        clock.advance(Duration.ofHours(2));
        stub.outage(false);
        Watch.Tick back = watch.tick();
        assertThat(back.outcome()).isEqualTo(Watch.TickOutcome.POLLED);
        assertThat(back.report().from()).isEqualTo(T.minus(Duration.ofHours(3)));
        assertThat(back.report().newRows()).as("2 h 15 min of calls at 2 a minute").isBetween(220L, 320L);
        assertThat(watch.health().status()).isEqualTo(WatchHealth.Status.OK);
    }

    @Test
    void throttlingIsWaitedOut() {
        stub.failGraph(new StubServer.Response(429, Map.of("Retry-After", "3"), new byte[0]));
        Watch.Tick tick = watch("a").tick();
        assertThat(tick.outcome()).isEqualTo(Watch.TickOutcome.POLLED);
        assertThat(tick.report().retries()).isEqualTo(1);
        assertThat(sleeps).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void anExpiredSecretIsReportedWithItsReasonByEveryInstance() {
        stub.tokenAnswer(GraphStub.expiredSecret());
        Watch a = watch("a");
        Watch b = watch("b");
        assertThat(a.tick().outcome()).isEqualTo(Watch.TickOutcome.FAILED);
        assertThat(a.health().status()).isEqualTo(WatchHealth.Status.CREDENTIALS_REJECTED);
        assertThat(a.health().reason()).contains("client secret has expired", "AADSTS7000222");
        assertThat(stub.graphRequests()).isZero();
        b.tick();
        assertThat(b.health().status()).isEqualTo(WatchHealth.Status.CREDENTIALS_REJECTED);
        assertThat(b.health().reason()).startsWith("a polls and reports: the client secret has expired");
        stub.tokenAnswer(null);
        clock.advance(Duration.ofMinutes(15));
        assertThat(a.tick().outcome()).isEqualTo(Watch.TickOutcome.POLLED);
        assertThat(sentOf(AlertKind.OPENED)).isEqualTo(1);
    }

    @Test
    void aMutedIncidentSendsNoUpdatesButStillItsResolution() {
        Watch watch = watch("a");
        watch.tick();
        watch.mute(sent.get(0).incidentId(), Duration.ofDays(1));
        for (int i = 0; i < 12; i++) {
            clock.advance(Duration.ofMinutes(15));
            watch.tick();
        }
        assertThat(sentOf(AlertKind.UPDATED)).isZero();
        assertThat(sentOf(AlertKind.RESOLVED)).isEqualTo(1);
    }

    @Test
    void withoutSettingsThereIsNoWatch() {
        WatchSettings off = WatchSettings.from(Map.of());
        assertThat(WatchSetup.create(off, WatchedTenant.of(off), "a", state, lease, sent::add, WatchMetrics.NONE,
                clock)).isEmpty();
    }

    @Test
    void metricsCountPollsRecordsIncidentsAndAlerts() {
        CountingWatchMetrics metrics = new CountingWatchMetrics();
        Map<String, String> env = new HashMap<>(stub.environment());
        env.put("CALLCODES_WATCH_BACKFILL", "3d");
        WatchSettings settings = WatchSettings.from(env);
        Watch watch = WatchSetup.create(settings, WatchedTenant.of(settings), "a", state, lease, sent::add, metrics,
                clock, TestTls.get().client(), sleeps::add).orElseThrow();
        watch.tick();
        clock.advance(Duration.ofMinutes(15));
        watch.tick();
        assertThat(metrics.get("polls.ok")).isEqualTo(2);
        assertThat(metrics.get("records.read")).isGreaterThan(8_000);
        assertThat(metrics.get("records.duplicate")).isGreaterThan(250);
        assertThat(metrics.get("incidents.rate")).isEqualTo(1);
        assertThat(metrics.get("alerts.opened")).isEqualTo(1);
    }
}
