package dev.callcodes.team.usage;

import dev.callcodes.store.ConflictRetry;
import dev.callcodes.store.MutableClock;
import dev.callcodes.store.StoreUnavailableException;
import dev.callcodes.store.embedded.FileDocumentStore;
import dev.callcodes.team.CodePair;
import dev.callcodes.team.FailingStore;
import dev.callcodes.team.TeamStats;
import dev.callcodes.team.feedback.Feedback;
import dev.callcodes.team.feedback.Tally;
import dev.callcodes.team.feedback.Vote;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UsageCountsTest {

    static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    static final CodePair NO_ROUTE = new CodePair("510559", 403);
    static final CodePair SBC_BUSY = new CodePair("560486", 486);

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock();
    private FileDocumentStore store;
    private UsageCounts usage;

    @BeforeEach
    void open() {
        store = FileDocumentStore.open(dir, clock);
        usage = new UsageCounts(store, clock, ConflictRetry.DEFAULT);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void oneAnswersPairsAreCountedTogetherAsOneByOne() {
        usage.asked(TENANT, Surface.EXTENSION, java.util.List.of(NO_ROUTE, SBC_BUSY),
                java.util.List.of(new CodePair("599999", null)));
        usage.flush();
        String stored = new String(store.read("usage/" + TENANT + "/2025-03-10").orElseThrow().content(),
                StandardCharsets.UTF_8);
        assertThat(stored).isEqualTo("{\"pairs\":{\"510559-403\":{\"EXTENSION\":1},\"560486-486\":{\"EXTENSION\":1}},"
                + "\"unknown\":{\"599999-x\":1},\"feedback\":{}}");
        assertThatThrownBy(() -> new CodePair("51055９", 403)).hasMessageContaining("1 to 10 digits");
        assertThatThrownBy(() -> new CodePair("", 403)).hasMessageContaining("1 to 10 digits");
        assertThatThrownBy(() -> new CodePair("12345678901", 403)).hasMessageContaining("1 to 10 digits");
    }

    @Test
    void countsArePerDayAndSurfaceAndHoldNoText() {
        usage.pairAsked(TENANT, NO_ROUTE, Surface.CHAT);
        usage.pairAsked(TENANT, NO_ROUTE, Surface.CHAT);
        usage.pairAsked(TENANT, NO_ROUTE, Surface.EXTENSION);
        usage.unknownCodeAsked(TENANT, new CodePair("599999", 403));
        usage.feedbackGiven(TENANT, Vote.NOT_HELPFUL);
        assertThat(usage.flush()).isEqualTo(1);
        assertThat(usage.flush()).isZero();
        String stored = new String(store.read("usage/" + TENANT + "/2025-03-10").orElseThrow().content(),
                StandardCharsets.UTF_8);
        assertThat(stored).isEqualTo("{\"pairs\":{\"510559-403\":{\"CHAT\":2,\"EXTENSION\":1}},"
                + "\"unknown\":{\"599999-403\":1},\"feedback\":{\"NOT_HELPFUL\":1}}");
        assertThat(store.read("usage/" + TENANT + "/2025-03-10").orElseThrow().expiry().instant().orElseThrow())
                .isEqualTo("2026-04-14T00:00:00Z");
    }

    @Test
    void twoInstancesFlushingAddUp() {
        UsageCounts other = new UsageCounts(store, clock, ConflictRetry.DEFAULT);
        for (int i = 0; i < 10; i++) {
            usage.pairAsked(TENANT, NO_ROUTE, Surface.CHAT);
            other.pairAsked(TENANT, NO_ROUTE, Surface.UPLOAD);
        }
        usage.flush();
        other.flush();
        assertThat(UsageCounts.top(usage.lastDays(TENANT, 1), 5)).containsExactly(new UsageCounts.PairCount(NO_ROUTE,
                20, Map.of(Surface.CHAT, 10L, Surface.UPLOAD, 10L)));
    }

    @Test
    void theStatsShowTheWeekTheMonthUnknownCodesAndTheLeastHelpful() {
        Feedback feedback = new Feedback(store, clock, ConflictRetry.DEFAULT);
        TeamStats stats = new TeamStats(usage, feedback);
        usage.pairAsked(TENANT, SBC_BUSY, Surface.CHAT);
        usage.pairAsked(TENANT, SBC_BUSY, Surface.CHAT);
        usage.pairAsked(TENANT, SBC_BUSY, Surface.ACTION);
        usage.unknownCodeAsked(TENANT, new CodePair("599999", null));
        usage.flush();
        clock.advance(Duration.ofDays(10));
        usage.pairAsked(TENANT, NO_ROUTE, Surface.CHAT);
        usage.unknownCodeAsked(TENANT, new CodePair("599999", null));
        usage.feedbackGiven(TENANT, Vote.HELPFUL);
        feedback.vote(TENANT, "dr-560486-486", "u1", Vote.NOT_HELPFUL, null);
        TeamStats.Report report = stats.report(TENANT, 5);
        assertThat(report.topPairsWeek()).extracting(UsageCounts.PairCount::pair).containsExactly(NO_ROUTE);
        assertThat(report.topPairsMonth()).extracting(UsageCounts.PairCount::pair, UsageCounts.PairCount::count)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(SBC_BUSY, 3L),
                        org.assertj.core.groups.Tuple.tuple(NO_ROUTE, 1L));
        assertThat(report.unknownCodesMonth()).extracting(UsageCounts.PairCount::count).containsExactly(2L);
        assertThat(report.helpfulMonth()).isEqualTo(1);
        assertThat(report.mostNotHelpful()).containsExactly(new Tally("dr-560486-486", 0, 1));
        clock.advance(Duration.ofDays(25));
        assertThat(stats.report(TENANT, 5).topPairsMonth()).extracting(UsageCounts.PairCount::pair)
                .containsExactly(NO_ROUTE);
    }

    @Test
    void aFailedFlushKeepsTheCountsForTheNext() {
        FailingStore failing = new FailingStore(store);
        UsageCounts counts = new UsageCounts(failing, clock, ConflictRetry.DEFAULT);
        counts.pairAsked(TENANT, NO_ROUTE, Surface.CHAT);
        failing.failNextWrites(1);
        assertThatThrownBy(counts::flush).isInstanceOf(StoreUnavailableException.class);
        counts.pairAsked(TENANT, NO_ROUTE, Surface.CHAT);
        assertThat(counts.flush()).isEqualTo(1);
        assertThat(UsageCounts.top(counts.lastDays(TENANT, 1), 1).get(0).count()).isEqualTo(2);
    }
}
