package dev.callcodes.bot.team;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.callcodes.cards.Card;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import dev.callcodes.team.notes.Author;
import dev.callcodes.team.notes.Note;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The feedback part added to answer cards, against golden files (team-cards/golden/feedback-*.json); the answer
 * card itself has its own golden files in the cards module. {@code -Dgolden.update=true} rewrites them.
 */
class FeedbackCardsGoldenTest {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final FeedbackCards CARDS = new FeedbackCards();

    private static Card bare() throws IOException {
        return new Card("answer", JSON.readTree("{\"type\":\"AdaptiveCard\",\"version\":\"1.5\",\"body\":[{\"type\":"
                + "\"TextBlock\",\"text\":\"the answer\"}]}"), "the answer");
    }

    @org.junit.jupiter.api.Test
    void notesAndTheFormMatchTheirGoldenFile() throws IOException {
        Instant day = Instant.parse("2026-11-30T08:15:00Z");
        Note first = new Note("a1b2c3d4e5f6", "560503 from sbc-lab is the 02:00 maintenance window",
                new Author("0a1b2c3d-0000-4000-8000-000000000001", "Ana Ops"), day,
                new Author("0a1b2c3d-0000-4000-8000-000000000001", "Ana Ops"), day, 1);
        Note edited = new Note("0f0e0d0c0b0a", "**Ask** the service desk ${$root}: <at>everyone</at>",
                new Author("", "someone"), day, new Author("0a1b2c3d-0000-4000-8000-000000000002", "Ben Voice"),
                day.plusSeconds(86_400), 3);
        Card card = CARDS.withTeamParts(bare(), "dr-510559-403", "510559 403", List.of(first, edited),
                "Saved your team note on 510559 / SIP 403.");
        String actual = JSON.writeValueAsString(card.content()) + "\n";
        Path golden = StatsCardsGoldenTest.DIR.resolve("team-parts-notes.json");
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
        assertThat(actual).contains("Ben Voice, 1 Dec 2026").contains("(edited by Ben Voice, 1 Dec 2026)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"feedback-ask", "feedback-voted", "feedback-hostile"})
    void matchesItsGoldenFile(String name) throws IOException {
        String note = switch (name) {
            case "feedback-voted" -> "Thanks, Ana Ops: your vote (Helpful) is in. So far 3 helpful, 1 not helpful.";
            // A display name is the person's text: it stays text, neither markdown nor a template expression.
            case "feedback-hostile" -> "Thanks, **Eve** ${$root} [x](https://evil.example): your vote (Helpful) is in.";
            default -> null;
        };
        Card card = CARDS.withFeedback(bare(), "dr-510559-403", "510559 403", note);
        String actual = JSON.writeValueAsString(card.content()) + "\n";
        Path golden = StatsCardsGoldenTest.DIR.resolve(name + ".json");
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
        assertThat(FeedbackCards.hasTeamPart(card)).isTrue();
        assertThat(FeedbackCards.hasTeamPart(bare())).isFalse();
        if (note != null) {
            assertThat(card.content().path("body").get(1).path("items").get(0).path("inlines").get(0).path("text")
                    .asText()).isEqualTo(note);
        }
    }
}
