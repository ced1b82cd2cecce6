package dev.callcodes.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Teams manifest against the bot it describes: the template, and the manifest the build filled (the one that
 * goes into the app package). Every problem is listed at once. The official schema is checked in -Pconformance.
 */
class ManifestConsistencyTest {

    private static final Path TEMPLATE = Path.of("src/main/teams");
    private static final Path BUILT = Path.of("target/classes");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static BotSurface bot;

    @BeforeAll
    static void readTheBot() {
        bot = BotSurface.ofTheBot();
    }

    @Test
    void theTemplateDeclaresWhatTheBotAnswers() throws IOException {
        JsonNode manifest = JSON.readTree(TEMPLATE.resolve("manifest.json").toFile());

        List<String> problems = new ArrayList<>(ManifestProblems.againstBot(manifest, bot));
        problems.addAll(ManifestProblems.icons(manifest, TEMPLATE));

        assertNoProblems(TEMPLATE, problems);
    }

    @Test
    void theBuiltManifestIsFilledAndDeclaresWhatTheBotAnswers() throws IOException {
        String text = Files.readString(BUILT.resolve("manifest.json"));
        JsonNode manifest = JSON.readTree(text);

        List<String> problems = new ArrayList<>(ManifestProblems.againstBot(manifest, bot));
        problems.addAll(ManifestProblems.filled(text, manifest, FilledValues.fromBuild()));
        problems.addAll(ManifestProblems.icons(manifest, BUILT));

        assertNoProblems(BUILT, problems);
    }

    private static void assertNoProblems(Path folder, List<String> problems) {
        assertThat(problems)
                .withFailMessage(() -> problems.size() + " problem(s) in " + folder.resolve("manifest.json") + ":\n  "
                        + String.join("\n  ", problems))
                .isEmpty();
    }
}
