package dev.callcodes.cards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Java engine against the official one (npm adaptivecards-templating): every card the product makes for the
 * catalog, and hostile, empty and missing data for every template, expanded by both and compared as JSON; every
 * product card parsed by the official adaptivecards library with zero validation errors. Needs Node.js and the
 * packages of src/test/node ({@code ./mvnw verify -Pconformance} installs them).
 */
@Tag("conformance")
class OfficialEngineConformanceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path WORK = Path.of("target/conformance");

    @Test
    void everyExpansionIsIdenticalToTheOfficialEngineAndEveryCardValidates() throws Exception {
        if (Boolean.getBoolean("golden.update")) {
            GoldenFiles.writeData();
            node("src/test/node/golden.mjs", GoldenFiles.DIR.toString(), "src/main/resources/cards");
        }
        AnswerCards cards = new AnswerCards(CardCases.CATALOG);
        List<CardCases.Case> cases = new ArrayList<>(CardCases.productCases());
        cases.addAll(CardCases.syntheticCases());
        cases.addAll(GoldenFiles.cases());
        ArrayNode out = JSON.createArrayNode();
        for (CardCases.Case c : cases) {
            ObjectNode node = out.addObject();
            node.put("id", c.id());
            node.put("template", c.template());
            node.set("data", c.data());
            node.set("java", cards.expand(c.template(), c.data()));
            node.put("validate", c.productOutput());
        }
        Files.createDirectories(WORK);
        Path casesFile = WORK.resolve("cases.json");
        Path reportFile = WORK.resolve("report.json");
        JSON.writeValue(casesFile.toFile(), out);

        int exit = node("src/test/node/conformance.mjs", casesFile.toString(), "src/main/resources/cards", reportFile.toString());

        JsonNode report = JSON.readTree(reportFile.toFile());
        assertThat(report.get("mismatches")).as("expansions that differ from the official engine (see %s)", reportFile).isEmpty();
        assertThat(report.get("engineErrors")).as("cases the official engine could not expand").isEmpty();
        assertThat(report.get("validationErrors")).as("cards with adaptivecards validation errors").isEmpty();
        assertThat(report.get("identical").asInt()).isEqualTo(cases.size()).isGreaterThan(500);
        assertThat(exit).isZero();
    }

    /** Runs a Node script; its output is printed through System.out so that Surefire shows it in the build log. */
    static int node(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("node"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        System.out.print(output);
        return process.waitFor();
    }
}
