package dev.callcodes.watch.demo;

import dev.callcodes.watch.CountingWatchMetrics;
import dev.callcodes.watch.Watch;
import dev.callcodes.watch.WatchSettings;
import dev.callcodes.watch.WatchSetup;
import dev.callcodes.watch.WatchedTenant;
import dev.callcodes.watch.calls.CallRow;
import dev.callcodes.watch.calls.CodeFamily;
import dev.callcodes.watch.detect.Alert;
import dev.callcodes.watch.detect.AlertKind;
import dev.callcodes.watch.digest.Digest;
import dev.callcodes.watch.state.InMemoryLease;
import dev.callcodes.watch.state.InMemoryWatchState;
import dev.callcodes.watch.stub.ManualClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DemoCallSourceTest {

    @Test
    void theDemoAlertsATlsBurstWithinAMinuteAndResolvesIt() {
        ManualClock clock = new ManualClock(Instant.parse("2024-05-08T09:00:00Z"));
        List<Alert> alerts = new ArrayList<>();
        WatchSettings demo = WatchSettings.from(Map.of("CALLCODES_WATCH_SOURCE", "demo"));
        Watch watch = WatchSetup.create(demo, WatchedTenant.of(demo), "demo", new InMemoryWatchState(),
                new InMemoryLease(clock), alerts::add, new CountingWatchMetrics(), clock).orElseThrow();
        Duration elapsed = Duration.ZERO;
        while (alerts.isEmpty() && elapsed.compareTo(Duration.ofMinutes(2)) < 0) {
            watch.tick();
            clock.advance(watch.interval());
            elapsed = elapsed.plus(watch.interval());
        }
        System.out.println("demo: first alert after " + elapsed.toSeconds() + " s: " + alerts.get(0).headline());
        assertThat(elapsed).isLessThanOrEqualTo(Duration.ofMinutes(1));
        Alert first = alerts.get(0);
        assertThat(first.kind()).isEqualTo(AlertKind.OPENED);
        assertThat(first.sbc()).isEqualTo(DemoCallSource.BURST_SBC);
        assertThat(first.pair()).isEqualTo(DemoCallSource.BURST_PAIR);
        assertThat(first.family()).isEqualTo(CodeFamily.TLS_CONNECTION);
        assertThat(first.phrase()).contains("Remote certificate expired");

        for (int i = 0; i < 70; i++) {
            watch.tick();
            clock.advance(watch.interval());
        }
        assertThat(alerts).extracting(Alert::kind).contains(AlertKind.RESOLVED);
        assertThat(alerts.stream().filter(a -> a.kind() == AlertKind.OPENED).count()).isEqualTo(1);
        Digest digest = watch.digest(clock.instant().atZone(ZoneOffset.UTC).toLocalDate().minusDays(1), ZoneOffset.UTC);
        assertThat(digest.calls()).as("15 hours of the backfilled day at 50 calls a minute").isGreaterThan(40_000);
        assertThat(digest.bySbc()).hasSize(3);
    }

    @Test
    void overlappingReadsGiveTheSameCalls() {
        ManualClock clock = new ManualClock(Instant.parse("2024-05-08T09:00:00Z"));
        DemoCallSource source = new DemoCallSource(clock);
        List<CallRow> first = new ArrayList<>();
        List<CallRow> second = new ArrayList<>();
        source.read(clock.instant().minusSeconds(600), clock.instant(), first::add);
        clock.advance(Duration.ofMinutes(1));
        source.read(clock.instant().minusSeconds(660), clock.instant().minusSeconds(60), second::add);
        assertThat(second).isEqualTo(first);
        assertThat(first).hasSizeBetween(400, 600);
    }
}
