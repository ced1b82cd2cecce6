package dev.callcodes.catalog.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.callcodes.catalog.Phrases;
import dev.callcodes.catalog.TestCatalog;
import dev.callcodes.catalog.explain.Answer;
import dev.callcodes.catalog.explain.CodeRule;
import dev.callcodes.catalog.explanation.Explanation;
import dev.callcodes.catalog.report.ReportSummary;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every real input of {@code intake/real-cases.yaml} (found in Microsoft's docs, Graph and ACS examples, forum posts,
 * vendor traces; see the README beside it) explained as the bot explains a message, against the answers and report
 * the case expects. All differences of all cases are reported at once, with the score.
 */
class RealCasesTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void everyRealInputGetsTheExpectedAnswersAndReport() throws IOException, URISyntaxException {
        URL url = RealCasesTest.class.getResource("/intake/real-cases.yaml");
        Path folder = Paths.get(url.toURI()).getParent();
        JsonNode cases;
        try (InputStream in = url.openStream()) {
            cases = YAML.readTree(in).path("cases");
        }
        List<String> problems = new ArrayList<>();
        List<String> gaps = new ArrayList<>();
        int right = 0;
        for (JsonNode c : cases) {
            String text = c.hasNonNull("file")
                    ? Files.readString(folder.resolve(c.get("file").asText()), StandardCharsets.UTF_8)
                    : c.path("input").asText();
            Explanation explanation = TestCatalog.codes().explain(text);
            List<String> caseProblems = new ArrayList<>();
            checkAnswers(c, explanation, caseProblems);
            checkReport(c, explanation, caseProblems);
            boolean knownGap = c.hasNonNull("gap");
            if (knownGap) {
                // A case the intake is known not to read yet: it must keep failing, or its mark must go.
                if (caseProblems.isEmpty()) {
                    problems.add(c.path("name").asText() + ": now answered as expected; remove its 'gap' mark");
                } else {
                    gaps.add(c.path("name").asText() + " (" + c.get("gap").asText() + ")");
                }
            } else if (caseProblems.isEmpty()) {
                right++;
            } else {
                problems.add(c.path("name").asText() + ":\n      " + String.join("\n      ", caseProblems)
                        + "\n      got: " + describe(explanation));
            }
        }
        System.out.printf("real inputs: %d of %d answered as expected; known gaps: %d %s%n", right, cases.size(),
                gaps.size(), gaps);
        assertThat(problems).as("%d of %d real inputs answered as expected (%d known gaps); the others", right,
                cases.size(), gaps.size()).isEmpty();
    }

    private static void checkAnswers(JsonNode c, Explanation explanation, List<String> problems) {
        JsonNode expect = c.path("expect");
        List<Answer> answers = explanation.answers();
        boolean report = c.has("report");
        if (expect.size() != answers.size()) {
            problems.add("expected " + expect.size() + " answers, got " + answers.size());
            return;
        }
        List<Answer> unmatched = new ArrayList<>(answers);
        for (int i = 0; i < expect.size(); i++) {
            JsonNode item = expect.get(i);
            // A report's answers come most frequent first; the corpus lists them in order of appearance.
            Answer answer = report ? unmatched.stream().filter(a -> refersTo(item, a)).findFirst().orElse(null)
                    : refersTo(item, answers.get(i)) ? answers.get(i) : null;
            if (answer == null) {
                problems.add("no answer for " + item + (report ? "" : " at position " + (i + 1)));
                continue;
            }
            unmatched.remove(answer);
            if (item.has("match") && !item.get("match").asText().equals(answer.match().name())) {
                problems.add(item + ": match " + answer.match());
            }
            if (item.has("originator") && !item.get("originator").asText().equals(answer.originator().name())) {
                problems.add(item + ": originator " + answer.originator());
            }
            if (!report && item.path("occurrences").asInt(1) != answer.occurrences()) {
                problems.add(item + ": occurrences " + answer.occurrences());
            }
            if (item.has("q850") && !Integer.valueOf(item.get("q850").asInt()).equals(answer.q850Cause())) {
                problems.add(item + ": Q.850 cause " + answer.q850Cause());
            }
        }
    }

    private static boolean refersTo(JsonNode item, Answer answer) {
        if (item.has("rule")) {
            CodeRule rule = answer.rule();
            String wanted = item.get("rule").asText();
            return rule != null && (rule.written().equals(wanted) || rule.written().replace("x", "").equals(wanted));
        }
        if (item.has("phrase")) {
            return answer.microsoftCode() == null && answer.sipCode() == null && answer.phrase() != null
                    && Phrases.normalize(answer.phrase()).equals(Phrases.normalize(item.get("phrase").asText()));
        }
        String[] pair = item.path("pair").asText().split("/");
        boolean microsoft = pair[0].equals("-") ? answer.microsoftCode() == null : pair[0].equals(answer.microsoftCode());
        boolean sip = pair[1].equals("-") || pair[1].equals(String.valueOf(answer.sipCode()));
        return answer.rule() == null && microsoft && sip;
    }

    private static void checkReport(JsonNode c, Explanation explanation, List<String> problems) {
        JsonNode expected = c.path("report");
        if (expected.isMissingNode()) {
            if (explanation.report().isPresent()) {
                problems.add("read as a report of " + explanation.report().get().rowsRead() + " rows");
            }
            return;
        }
        if (explanation.report().isEmpty()) {
            problems.add("not read as a report");
            return;
        }
        ReportSummary s = explanation.report().get();
        Map<String, Long> counts = Map.of("rows", s.rowsRead(), "failed", s.failedCalls(), "succeeded",
                s.succeededCalls(), "answeredElsewhere", s.answeredElsewhere(), "notCalls", s.notCalls(),
                "unreadable", s.unreadableRows(), "withoutCodes", s.rowsWithoutCodes());
        counts.forEach((field, actual) -> {
            if (expected.has(field) && expected.get(field).asLong() != actual) {
                problems.add("report " + field + " " + actual + ", expected " + expected.get(field).asLong());
            }
        });
        if (expected.has("pairs")) {
            Map<String, Long> wanted = new TreeMap<>();
            for (Map.Entry<String, JsonNode> e : expected.get("pairs").properties()) {
                wanted.put(e.getKey(), e.getValue().asLong());
            }
            Map<String, Long> actual = new TreeMap<>();
            s.pairs().forEach(p -> actual.put(Objects.toString(p.microsoftCode(), "-") + "/"
                    + Objects.toString(p.sipCode(), "-"), p.count()));
            if (!wanted.equals(actual)) {
                problems.add("report pairs " + actual + ", expected " + wanted);
            }
        }
        if (expected.has("timeRange")) {
            String first = String.valueOf(s.first());
            String last = String.valueOf(s.last());
            if (!expected.get("timeRange").path("first").asText().equals(first)
                    || !expected.get("timeRange").path("last").asText().equals(last)) {
                problems.add("time range " + first + " to " + last + ", expected " + expected.get("timeRange"));
            }
        }
        if (expected.has("ambiguousDateRows") && expected.get("ambiguousDateRows").asInt() > 0
                && s.notes().stream().noneMatch(n -> n.contains("could be read either way") || n.contains("were read"))) {
            problems.add("no note about dates that could be read either way: " + s.notes());
        }
    }

    private static String describe(Explanation e) {
        StringBuilder out = new StringBuilder(e.kind().name()).append(' ');
        for (Answer a : e.answers()) {
            out.append(a.rule() != null ? "rule:" + a.rule().written()
                    : Objects.toString(a.microsoftCode(), "-") + "/" + Objects.toString(a.sipCode(), "-"))
                    .append('(').append(a.match()).append(' ').append(a.originator())
                    .append(a.occurrences() > 1 ? " x" + a.occurrences() : "")
                    .append(a.q850Cause() != null ? " q850=" + a.q850Cause() : "").append(") ");
        }
        e.report().ifPresent(s -> out.append(String.format("| report rows=%d failed=%d ok=%d elsewhere=%d notCalls=%d"
                        + " noCode=%d unreadable=%d", s.rowsRead(), s.failedCalls(), s.succeededCalls(),
                s.answeredElsewhere(), s.notCalls(), s.rowsWithoutCodes(), s.unreadableRows())));
        return out.toString();
    }
}
