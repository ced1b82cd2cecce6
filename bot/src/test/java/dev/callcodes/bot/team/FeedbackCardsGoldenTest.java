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
        com.fasterxml.jackson.databind.JsonNode editForm = card.content().path("body").get(1).path("items").get(2)
                .path("items").get(2).path("actions").get(0).path("card");
        assertThat(editForm.path("body").get(0).path("value").asText()).isEqualTo(edited.text());
        assertThat(editForm.path("actions").get(0).path("data").path("text").asText())
                .isEqualTo("edit dr-510559-403 0f0e0d0c0b0a 510559 403");
    }

    /** The parts of a pair without notes are kept: each card must get its own copy, and the same text. */
    @org.junit.jupiter.api.Test
    void aPairWithoutNotesGetsTheSamePartsOnEveryCardAndEachCardItsOwn() throws IOException {
        FeedbackCards cards = new FeedbackCards();
        Card first = cards.withTeamParts(bare(), "dr-510559-403", "510559 403", List.of(), null);
        String firstText = JSON.writeValueAsString(first.content());

        ((com.fasterxml.jackson.databind.node.ObjectNode) first.content().path("body").get(1)).put("id", "changed");
        Card second = cards.withTeamParts(bare(), "dr-510559-403", "510559 403", List.of(), null);
        Card otherPair = cards.withTeamParts(bare(), "dr-560403-503", "560403 503", List.of(), null);

        assertThat(JSON.writeValueAsString(second.content())).isEqualTo(firstText);
        assertThat(JSON.writeValueAsString(otherPair.content())).contains("560403 503").doesNotContain("510559");
    }

    @org.junit.jupiter.api.Test
    void notesThatWouldOverfillTheCardAreCountedAndSaidNotShown() throws IOException {
        Instant day = Instant.parse("2026-11-30T08:15:00Z");
        Author ana = new Author("0a1b2c3d-0000-4000-8000-000000000001", "Ana Ops");
        List<Note> many = new java.util.ArrayList<>();
        for (int i = 0; i < 50; i++) {
            many.add(new Note("%012x".formatted(i), "\"<&>".repeat(500), ana, day, ana, day, 1));
        }

        Card card = CARDS.withTeamParts(bare(), "dr-510559-403", "510559 403", many, "Saved.");

        // As Teams gets it: compact, not indented like the golden files.
        String json = new ObjectMapper().writeValueAsString(card.content());
        assertThat(json.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(28 * 1024);
        long shown = java.util.stream.IntStream.range(0, 50).filter(i -> json.contains("remove dr-510559-403 "
                + "%012x".formatted(i))).count();
        assertThat(shown).isBetween(1L, 49L);
        assertThat(json).contains((50 - shown) + " more notes are not shown: a card in Teams holds at most 28 KB");
        assertThat(card.content().path("version").asText()).isEqualTo("1.5");
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
