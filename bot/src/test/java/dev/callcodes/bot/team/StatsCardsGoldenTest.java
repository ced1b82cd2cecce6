package dev.callcodes.bot.team;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.callcodes.cards.Card;
import dev.callcodes.catalog.explanation.CallCodes;
import dev.callcodes.team.CodePair;
import dev.callcodes.team.TeamStats;
import dev.callcodes.team.feedback.Tally;
import dev.callcodes.team.usage.Surface;
import dev.callcodes.team.usage.UsageCounts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code stats} card against golden files (src/test/resources/team-cards/golden/NAME.json), from typed reports.
 * {@code -Dgolden.update=true} rewrites them; review the diff.
 */
class StatsCardsGoldenTest {

    static final Path DIR = Path.of("src/test/resources/team-cards/golden");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static StatsCards cards;

    @BeforeAll
    static void loadCatalog() {
        cards = new StatsCards(CallCodes.embedded().catalog());
    }

    static UsageCounts.PairCount asked(String ms, Integer sip, long chat, long extension) {
        Map<Surface, Long> by = new EnumMap<>(Surface.class);
        if (chat > 0) {
            by.put(Surface.CHAT, chat);
        }
        if (extension > 0) {
            by.put(Surface.EXTENSION, extension);
        }
        return new UsageCounts.PairCount(new CodePair(ms, sip), chat + extension, by);
    }

    static Map<String, TeamStats.Report> reports() {
        List<UsageCounts.PairCount> month = List.of(asked("510559", 403, 1200, 34), asked("560403", 403, 7, 0),
                asked("569008", 504, 0, 2), asked("511404", 404, 1, 0), asked("560503", 503, 1, 0),
                asked("531052", 488, 1, 0));
        return Map.of(
                "stats-typical", new TeamStats.Report(month.subList(0, 2), month,
                        List.of(new UsageCounts.PairCount(new CodePair("999999", 403), 3, Map.of()),
                                new UsageCounts.PairCount(new CodePair(null, 499), 1, Map.of())),
                        14, 3, List.of(new Tally("no-such-entry", 0, 2), new Tally("999999-403", 1, 1))),
                "stats-empty", new TeamStats.Report(List.of(), List.of(), List.of(), 0, 0, List.of()));
    }

    static List<String> names() {
        return reports().keySet().stream().sorted().toList();
    }

    @ParameterizedTest
    @MethodSource("names")
    void matchesItsGoldenFile(String name) throws IOException {
        Card card = cards.stats(reports().get(name));
        String actual = JSON.writeValueAsString(card.content()) + "\n";
        Path golden = DIR.resolve(name + ".json");
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
        assertThat(card.content().path("version").asText()).isEqualTo("1.5");
        assertThat(actual.getBytes(StandardCharsets.UTF_8).length).isLessThan(28 * 1024);
    }

    @ParameterizedTest
    @MethodSource("names")
    void saysWhatItCountsInItsFallbackText(String name) {
        JsonNode card = cards.stats(reports().get(name)).content();
        assertThat(card.path("fallbackText").asText()).startsWith("Team stats: ");
        assertThat(card.toString()).doesNotContain("${");
    }
}
