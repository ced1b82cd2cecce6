package dev.callcodes.catalog.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.callcodes.catalog.TestCatalog;
import dev.callcodes.catalog.explanation.Explanation;
import dev.callcodes.catalog.report.ReportSummary;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every report and JSON fixture cut off at every offset (a paste that stopped short, an upload that broke): reading
 * never throws, and no count grows past the whole input's. The same for both paths, text and stream.
 */
class TruncationTest {

    /** Long fixtures are cut at this many evenly spread offsets; short ones at every offset. */
    private static final int MAX_CUTS = 1_500;

    @Test
    void noFixtureCutAnywhereThrowsOrCountsMore() throws IOException, URISyntaxException {
        List<String> problems = new ArrayList<>();
        int cuts = 0;
        for (Map.Entry<String, String> fixture : fixtures().entrySet()) {
            String text = fixture.getValue();
            Explanation whole = TestCatalog.codes().explain(text);
            int step = Math.max(1, text.length() / MAX_CUTS);
            for (int cut = 0; cut <= text.length(); cut += step) {
                String part = text.substring(0, cut);
                cuts++;
                try {
                    compare(fixture.getKey() + " cut at " + cut, whole, TestCatalog.codes().explain(part), problems);
                    compare(fixture.getKey() + " streamed, cut at " + cut, whole,
                            TestCatalog.codes().explainReport(new StringReader(part), ReadingBudget.unlimited()),
                            problems);
                } catch (RuntimeException | IOException | StackOverflowError e) {
                    problems.add(fixture.getKey() + " cut at " + cut + " threw " + e);
                }
                if (problems.size() > 20) {
                    break;
                }
            }
        }
        System.out.printf("truncation: %d fixtures cut at %,d offsets%n", fixtures().size(), cuts);
        assertThat(cuts).isGreaterThan(5_000);
        assertThat(problems).isEmpty();
    }

    private static void compare(String what, Explanation whole, Explanation part, List<String> problems) {
        if (part.report().isEmpty() || whole.report().isEmpty()) {
            return;
        }
        ReportSummary w = whole.report().get();
        ReportSummary p = part.report().get();
        Map<String, long[]> counts = new LinkedHashMap<>();
        counts.put("rows", new long[] {p.rowsRead(), w.rowsRead()});
        counts.put("failed", new long[] {p.failedCalls(), w.failedCalls()});
        counts.put("succeeded", new long[] {p.succeededCalls(), w.succeededCalls()});
        counts.put("answered elsewhere", new long[] {p.answeredElsewhere(), w.answeredElsewhere()});
        counts.put("not calls", new long[] {p.notCalls(), w.notCalls()});
        // the cut may leave a row half written: one more unreadable row than the whole has, at most
        counts.put("unreadable", new long[] {p.unreadableRows(), w.unreadableRows() + 1});
        counts.forEach((name, c) -> {
            if (c[0] > c[1]) {
                problems.add(what + ": " + name + " " + c[0] + " > " + c[1]);
            }
        });
    }

    /** The report fixtures, the corpus's files, and the JSON inputs of the corpus and the parser table. */
    static Map<String, String> fixtures() throws IOException, URISyntaxException {
        Map<String, String> fixtures = new LinkedHashMap<>();
        for (String folder : List.of("/reports", "/intake/real")) {
            URL url = TruncationTest.class.getResource(folder);
            try (Stream<Path> files = Files.list(Paths.get(url.toURI()))) {
                for (Path file : files.sorted().toList()) {
                    fixtures.put(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
                }
            }
        }
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        try (InputStream in = TruncationTest.class.getResourceAsStream("/intake/real-cases.yaml")) {
            for (JsonNode c : yaml.readTree(in).path("cases")) {
                String input = c.path("input").asText("");
                if (input.strip().startsWith("{") || input.strip().startsWith("[") || c.has("report")) {
                    fixtures.put("case " + c.path("name").asText(), input);
                }
            }
        }
        return fixtures;
    }
}
