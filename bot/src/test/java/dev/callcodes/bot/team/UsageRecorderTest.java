package dev.callcodes.bot.team;

import dev.callcodes.catalog.explain.Answer;
import dev.callcodes.catalog.explanation.CallCodes;
import dev.callcodes.store.ConflictRetry;
import dev.callcodes.store.embedded.FileDocumentStore;
import dev.callcodes.team.Tenants;
import dev.callcodes.team.usage.DayCounts;
import dev.callcodes.team.usage.Surface;
import dev.callcodes.team.usage.UsageCounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class UsageRecorderTest {

    private static final String TENANT = "8f5a2c1e-0000-4000-8000-00000000c0de";
    private static CallCodes codes;

    @TempDir
    Path data;

    private FileDocumentStore store;
    private UsageCounts usage;
    private UsageRecorder recorder;

    @BeforeAll
    static void loadCatalog() {
        codes = CallCodes.embedded();
    }

    @BeforeEach
    void setUp() {
        store = FileDocumentStore.open(data, Clock.systemUTC());
        usage = new UsageCounts(store, Clock.systemUTC(), ConflictRetry.DEFAULT);
        recorder = new UsageRecorder(usage);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static List<Answer> answers(String text) {
        return codes.explain(text).answers();
    }

    @Test
    void countsKnownPairsBySurfaceAndUnknownCodesApartOncePerMessage() {
        recorder.answered(TENANT, "chat", answers("510559 403"));
        recorder.answered(TENANT, "card", answers("510559 403"));
        recorder.answered(TENANT, "extension", answers("510559 403"));
        recorder.answered(TENANT, "chat", answers("510559 403, 510559 403, 510559 403"));
        recorder.answered(TENANT, "upload", answers("999999 403"));

        DayCounts today = usage.lastDays(TENANT, 1);
        assertThat(today.pairs()).containsOnlyKeys("510559-403");
        assertThat(today.pairs().get("510559-403")).isEqualTo(Map.of(Surface.CHAT, 3L, Surface.EXTENSION, 1L));
        assertThat(today.unknown()).isEqualTo(Map.of("999999-403", 1L));
    }

    @Test
    void surfacesThatAreNotAskingCountNothingAndNoTenantIsTheLocalOne() {
        recorder.answered(TENANT, "api", answers("510559 403"));
        recorder.answered(null, "chat", answers("560403"));
        UsageRecorder.OFF.answered(TENANT, "chat", answers("510559 403"));

        assertThat(usage.lastDays(TENANT, 1).isEmpty()).isTrue();
        assertThat(usage.lastDays(Tenants.LOCAL, 1).pairs()).containsKey("560403-403");
    }
}
