package dev.callcodes.bot.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bot's own cards (the failure watch's alerts, digest and notes; the team's feedback, notes and stats), as their
 * golden files pin them, parsed by the official adaptivecards library with zero validation errors and drawn by its
 * renderer in headless Chromium in light, dark and high-contrast themes (PNGs in target/screenshots/bot-cards).
 * The official engines are the cards module's (src/test/node there, installed by its conformance profile, which
 * builds before this module).
 */
@Tag("conformance")
class BotCardsConformanceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path ENGINES = Path.of("../cards/src/test/node");
    private static final List<Path> GOLDEN = List.of(Path.of("src/test/resources/watch-cards/golden"),
            Path.of("src/test/resources/team-cards/golden"));
    private static final Path WORK = Path.of("target/conformance");
    private static final Path SCREENSHOTS = Path.of("target/screenshots/bot-cards");

    @Test
    void everyBotCardValidatesAndRendersInEveryTheme() throws Exception {
        ArrayNode cards = JSON.createArrayNode();
        List<String> problems = new ArrayList<>();
        for (Path dir : GOLDEN) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                    JsonNode card = JSON.readTree(file.toFile());
                    String name = dir.getParent().getFileName() + "-" + file.getFileName().toString().replace(".json", "");
                    if (!"1.5".equals(card.path("version").asText())) {
                        problems.add(name + ": version " + card.path("version").asText() + ", Teams takes 1.5 at most");
                    }
                    cards.addObject().put("name", name).set("card", card);
                }
            }
        }
        Files.createDirectories(WORK);
        Path cardsFile = WORK.resolve("bot-cards.json");
        Path reportFile = WORK.resolve("bot-cards-report.json");
        JSON.writeValue(cardsFile.toFile(), cards);

        int validated = node("validate.mjs", cardsFile.toAbsolutePath().toString(), reportFile.toAbsolutePath().toString());
        int rendered = node("render.mjs", cardsFile.toAbsolutePath().toString(), SCREENSHOTS.toAbsolutePath().toString());

        assertThat(problems).isEmpty();
        assertThat(cards.size()).isGreaterThanOrEqualTo(12);
        assertThat(JSON.readTree(reportFile.toFile()).get("validationErrors")).as("see %s", reportFile).isEmpty();
        assertThat(validated).isZero();
        assertThat(rendered).as("the renderer refused a card").isZero();
        try (Stream<Path> pngs = Files.list(SCREENSHOTS)) {
            assertThat(pngs.filter(p -> p.toString().endsWith(".png")).count()).isEqualTo(3L * cards.size());
        }
    }

    /** Runs one of the cards module's Node scripts; its output goes to System.out so the build log shows it. */
    private static int node(String script, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("node", ENGINES.resolve(script).toAbsolutePath().toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(ENGINES.toFile()).redirectErrorStream(true).start();
        System.out.print(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        return process.waitFor();
    }
}
