package dev.callcodes.bot.watch;

import dev.callcodes.bot.MovableClock;
import dev.callcodes.cards.AnswerCards;
import dev.callcodes.catalog.Originator;
import dev.callcodes.catalog.explanation.CallCodes;
import dev.callcodes.store.DocumentStore;
import dev.callcodes.store.embedded.FileDocumentStore;
import dev.callcodes.store.lease.Leases;
import dev.callcodes.watch.Watch;
import dev.callcodes.watch.WatchSettings;
import dev.callcodes.watch.WatchedTenant;
import dev.callcodes.watch.WatchSetup;
import dev.callcodes.watch.calls.CodeFamily;
import dev.callcodes.watch.calls.CodePair;
import dev.callcodes.watch.detect.Alert;
import dev.callcodes.watch.detect.AlertKind;
import dev.callcodes.watch.detect.IncidentType;
import dev.callcodes.watch.state.RecentCall;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The alert's report button on the watch's own calls: whose conversations see it, and what its records say. */
class WindowReportsTest {

    private static final String TENANT = "00000000-0000-0000-0000-00000000000a";
    private static final String INCIDENT = "inc-0a1b2c3d4e5f";
    private static CallCodes codes;

    @TempDir
    Path dir;

    private final MovableClock clock = new MovableClock(Instant.parse("2024-05-08T09:00:00Z"));
    private DocumentStore store;
    private Watch watch;
    private WindowReports reports;

    @BeforeAll
    static void loadCatalog() {
        codes = CallCodes.embedded();
    }

    @BeforeEach
    void open() {
        store = FileDocumentStore.open(dir, clock);
        watch = WatchSetup.create(WatchSettings.from(Map.of("CALLCODES_WATCH_SOURCE", "demo")), WatchedTenant.of(WatchSettings.from(Map.of("CALLCODES_WATCH_SOURCE", "demo"))), "only",
                new StoredWatchState(store, clock), new StoreLease(new Leases(store, clock), clock), alert -> { },
                new MicrometerWatchMetrics(new SimpleMeterRegistry()), clock).orElseThrow();
        reports = new WindowReports(store, codes, new AnswerCards(codes.catalog()), new WatchCards(),
                WatchedTenant.of(WatchSettings.from(Map.of(
                "CALLCODES_WATCH_SOURCE", "graph", "CALLCODES_GRAPH_TENANT_ID", TENANT,
                "CALLCODES_GRAPH_CLIENT_ID", "00000000-0000-0000-0000-0000000000c1",
                "CALLCODES_GRAPH_CLIENT_SECRET", "not-a-real-secret"))), clock);
        watch.tick();
        reports.keep(new Alert(INCIDENT + "#1", INCIDENT, AlertKind.OPENED, Set.of(IncidentType.RATE),
                "sbc1.contoso.com", new CodePair("560486", 486), CodeFamily.SBC_GENERATED, Originator.SBC, null,
                clock.instant().minusSeconds(300), clock.instant(), clock.instant().minus(Duration.ofHours(1)),
                clock.instant(), 100, 10, 0.1, 0.01, 0, 10, 3, false, null, "10 calls failed"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void onlyTheWatchedTenantsConversationsSeeTheReport() {
        assertThat(reports.report(watch, INCIDENT, "00000000-0000-0000-0000-00000000000b").content().toString())
                .contains("shown to the watched tenant's conversations only").doesNotContain("sbc1.contoso.com");
        assertThat(reports.report(watch, INCIDENT, TENANT.toUpperCase()).content().toString())
                .contains("The watch's window on sbc1.contoso.com", "failed calls of");
        assertThat(reports.report(watch, INCIDENT, null).content().toString())
                .as("a conversation of no known tenant: not the watched tenant's")
                .contains("shown to the watched tenant's conversations only").doesNotContain("sbc1.contoso.com");
    }

    @Test
    void theReportCountsEveryCallOfTheSbcInTheWindow() {
        List<RecentCall> calls = watch.windowCalls("sbc1.contoso.com", clock.instant().minus(Duration.ofHours(1)),
                clock.instant()).orElseThrow();
        long failed = calls.stream().filter(RecentCall::failed).count();
        String card = reports.report(watch, INCIDENT, TENANT).content().toString();
        assertThat(card).contains(String.format(java.util.Locale.ROOT, "%,d failed calls of %,d", failed, calls.size()))
                .contains("\"title\":\"Ended normally\",\"value\":\"" + String.format(java.util.Locale.ROOT, "%,d", calls.size() - failed));
        System.out.println("window report: " + failed + " failed calls of " + calls.size());
    }

    @Test
    void theWatchsCallsBecomeRecordsWithTheirCodesAndTheOthersEndedNormally() {
        var records = WindowReports.records(List.of(
                new RecentCall("a", 1_715_158_800L, "sbc1.contoso.com", "560486/486", "u@contoso.com", "c-1"),
                new RecentCall("b", 1_715_158_801L, "sbc1.contoso.com", "-/487", "u@contoso.com", null),
                new RecentCall("c", 1_715_158_802L, "sbc1.contoso.com", null, null, null)));
        assertThat(records).extracting(r -> r.microsoftCode() + " " + r.sipCode())
                .containsExactly("560486 486", "null 487", "null 200");
        assertThat(records.get(0).startTime()).isEqualTo("2024-05-08T09:00:00Z");
        assertThat(records.get(0).correlationId()).isEqualTo("c-1");
    }
}
