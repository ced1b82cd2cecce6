package dev.callcodes.bot.watch;

import dev.callcodes.bot.MovableClock;
import dev.callcodes.store.DocumentStore;
import dev.callcodes.store.embedded.FileDocumentStore;
import dev.callcodes.store.lease.Leases;
import dev.callcodes.watch.Watch;
import dev.callcodes.watch.WatchHealth;
import dev.callcodes.watch.WatchSettings;
import dev.callcodes.watch.WatchSetup;
import dev.callcodes.watch.WatchedTenant;
import dev.callcodes.watch.detect.Alert;
import dev.callcodes.watch.detect.AlertKind;
import dev.callcodes.watch.state.Checkpoint;
import dev.callcodes.watch.state.WatchState;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The watch on the app's store: its state, its lease between instances, its counters and its readiness. */
class StoredWatchTest {

    @TempDir
    Path dir;

    private final MovableClock clock = new MovableClock(Instant.parse("2024-05-08T09:00:00Z"));
    private DocumentStore store;

    @BeforeEach
    void open() {
        store = FileDocumentStore.open(dir, clock);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void theCheckpointIsWrittenOnlyOverTheVersionItWasReadAt() {
        StoredWatchState state = new StoredWatchState(store, clock);
        assertThat(state.load().version()).isNull();
        assertThat(state.load().checkpoint()).isEqualTo(Checkpoint.EMPTY);

        String first = state.commit(Checkpoint.EMPTY, null).orElseThrow();
        assertThat(state.commit(Checkpoint.EMPTY, null)).as("a second first commit loses").isEmpty();
        Checkpoint moved = new Checkpoint(clock.instant(), clock.instant(), List.of(), List.of(), List.of(),
                List.of(), null);
        String second = state.commit(moved, first).orElseThrow();
        assertThat(state.commit(Checkpoint.EMPTY, first)).as("a commit from an old version loses").isEmpty();

        WatchState.Versioned loaded = new StoredWatchState(store, clock).load();
        assertThat(loaded.version()).isEqualTo(second);
        assertThat(loaded.checkpoint().watermark()).isEqualTo(clock.instant());
    }

    @Test
    void mutesAreSharedAndThoseThatRanOutAreDropped() {
        StoredWatchState one = new StoredWatchState(store, clock);
        StoredWatchState other = new StoredWatchState(store, clock);
        one.mute("inc-1", clock.instant().plus(Duration.ofHours(1)));
        other.mute("inc-2", clock.instant().plus(Duration.ofDays(1)));
        assertThat(one.mutes()).containsOnlyKeys("inc-1", "inc-2");

        clock.advance(Duration.ofHours(2));
        other.mute("inc-3", clock.instant().plus(Duration.ofDays(1)));
        assertThat(one.mutes()).containsOnlyKeys("inc-2", "inc-3");
    }

    @Test
    void oneLeaseHolderAtATimeAndAnotherTakesOverWhenItStopsRenewing() {
        StoreLease a = new StoreLease(new Leases(store, clock), clock);
        StoreLease b = new StoreLease(new Leases(store, clock), clock);
        Duration ttl = Duration.ofSeconds(45);

        assertThat(a.acquire("a", ttl)).isTrue();
        assertThat(b.acquire("b", ttl)).isFalse();
        assertThat(b.renew("b", ttl)).isFalse();
        assertThat(b.holder()).hasValueSatisfying(h -> assertThat(h.name()).isEqualTo("a"));
        assertThat(a.renew("a", ttl)).isTrue();

        clock.advance(Duration.ofSeconds(46));
        assertThat(b.acquire("b", ttl)).as("a stopped renewing").isTrue();
        assertThat(a.renew("a", ttl)).as("a lost it").isFalse();
        assertThat(a.acquire("a", ttl)).isFalse();

        b.release("b");
        assertThat(a.acquire("a", ttl)).as("released: free at once").isTrue();
    }

    @Test
    void ofTwoInstancesOnOneStoreExactlyOnePollsAndEachAlertGoesOutOnce() {
        WatchSettings demo = WatchSettings.from(Map.of("CALLCODES_WATCH_SOURCE", "demo"));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        MicrometerWatchMetrics metrics = new MicrometerWatchMetrics(registry);
        List<Alert> alerts = Collections.synchronizedList(new ArrayList<>());
        Watch first = watch(demo, "first", alerts, metrics);
        Watch second = watch(demo, "second", alerts, metrics);

        for (int i = 0; i < 90; i++) {
            first.tick();
            second.tick();
            clock.advance(demo.interval());
        }

        assertThat(registry.get("callcodes.watch.polls").tag("outcome", "ok").counter().count()).isEqualTo(90);
        assertThat(registry.get("callcodes.watch.polls").tag("outcome", "standby").counter().count()).isEqualTo(90);
        assertThat(first.health().status()).isEqualTo(WatchHealth.Status.OK);
        assertThat(second.health().status()).isEqualTo(WatchHealth.Status.STANDBY);
        assertThat(alerts).extracting(Alert::kind).contains(AlertKind.OPENED, AlertKind.RESOLVED);
        assertThat(alerts).extracting(Alert::id).doesNotHaveDuplicates();
        assertThat(registry.get("callcodes.watch.alerts").tag("kind", "opened").counter().count()).isEqualTo(1);
        assertThat(registry.get("callcodes.watch.incidents").tag("type", "rate").counter().count()).isEqualTo(1);
        assertThat(registry.get("callcodes.watch.records").tag("kind", "read").counter().count())
                .isGreaterThan(40_000);

        // The holder stops (no release: it died); the other takes over and goes on without alerting again.
        int before = alerts.size();
        clock.advance(Duration.ofMinutes(2));
        second.tick();
        assertThat(second.health().status()).isEqualTo(WatchHealth.Status.OK);
        assertThat(alerts).hasSize(before);
    }

    @Test
    void readinessIsDegradedWithTheReasonWhenGraphCannotBeReached() {
        WatchSettings graph = WatchSettings.from(Map.of(
                "CALLCODES_GRAPH_TENANT_ID", "00000000-0000-0000-0000-000000000001",
                "CALLCODES_GRAPH_CLIENT_ID", "00000000-0000-0000-0000-000000000002",
                "CALLCODES_GRAPH_CLIENT_SECRET", "not-a-real-secret",
                "CALLCODES_GRAPH_AUTHORITY", "https://127.0.0.1:1/",
                "CALLCODES_GRAPH_BASE_URL", "http://127.0.0.1:1"));
        Watch watch = watch(graph, "only", new ArrayList<>(), new MicrometerWatchMetrics(new SimpleMeterRegistry()));
        WatchHealthIndicator indicator = new WatchHealthIndicator(watch::health);
        assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);

        watch.tick();

        Health health = indicator.health();
        assertThat(health.getStatus()).isEqualTo(WatchHealthIndicator.DEGRADED);
        assertThat(health.getDetails().get("status")).isEqualTo("UNREACHABLE");
        assertThat(health.getDetails().get("reason").toString()).isNotBlank().doesNotContain("not-a-real-secret");
        System.out.println("readiness: " + health.getDetails());
    }

    @Test
    void readinessOfAWatchThatIsOffIsUpAndSaysWhatToSet() {
        WatchSettings off = WatchSettings.from(Map.of());
        Health health = new WatchHealthIndicator(() -> WatchHealth.off(off.offReason())).health();
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails().get("reason").toString()).contains("CALLCODES_GRAPH_TENANT_ID");
    }

    private Watch watch(WatchSettings settings, String instance, List<Alert> alerts, MicrometerWatchMetrics metrics) {
        return WatchSetup.create(settings, WatchedTenant.of(settings), instance, new StoredWatchState(store, clock),
                new StoreLease(new Leases(store, clock), clock), alerts::add, metrics, clock).orElseThrow();
    }
}
