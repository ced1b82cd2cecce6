package dev.callcodes.catalog.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the form of the real-input corpus ({@code intake/real-cases.yaml}) and nothing else: the parser test that runs
 * these cases against the intake lives with the intake. Every problem is collected and reported at once, so a broken
 * corpus edit shows all its mistakes in one run.
 */
class RealCasesFileTest {

    private static final String FOLDER = "/intake/";
    private static final int MINIMUM_CASES = 80;

    private static final Set<String> SHAPES = Set.of("chat", "forum-prose", "docs-markdown-table", "html-table",
            "graph-json", "graph-bot-result", "acs-automation-event", "acs-sdk-error", "acs-log", "sip-trace",
            "admin-center-paste", "csv-export", "log-line");
    private static final Set<String> MATCHES = Set.of("EXACT", "MICROSOFT_CODE", "SIP_CODE", "PHRASE", "DERIVED", "UNKNOWN");
    private static final Set<String> ORIGINATORS = Set.of("SBC", "MICROSOFT", "UNKNOWN");
    private static final Set<String> CASE_KEYS = Set.of("name", "source", "shape", "input", "file", "expect", "report", "gap",
            "why", "composed");
    private static final Set<String> ITEM_KEYS = Set.of("pair", "rule", "phrase", "match", "occurrences", "originator", "q850");
    private static final Set<String> REPORT_COUNTS = Set.of("rows", "failed", "succeeded", "answeredElsewhere", "notCalls",
            "unreadable", "withoutCodes", "ambiguousDateRows");
    private static final Set<String> REPORT_KEYS = union(REPORT_COUNTS, Set.of("pairs", "timeRange", "dateOrder"));

    /** MS/SIP with "-" for a missing side; never both missing. */
    private static final Pattern PAIR = Pattern.compile("(?:\\d{1,9}|-)/(?:\\d{1,3}|-)");
    /** A prefix (560) or a class written with x (5xx, 18x). */
    private static final Pattern RULE = Pattern.compile("\\d{1,3}|[1-6]x{2}|[1-6]\\dx");
    private static final Pattern NAME = Pattern.compile("[a-z0-9]+(?:-[a-zA-Z0-9]+)*");

    private static JsonNode corpus;
    private static Path folder;

    @BeforeAll
    static void load() throws IOException, URISyntaxException {
        URL url = RealCasesFileTest.class.getResource(FOLDER + "real-cases.yaml");
        assertThat(url).as("intake/real-cases.yaml on the test class path").isNotNull();
        folder = Paths.get(url.toURI()).getParent();
        try (InputStream in = url.openStream()) {
            corpus = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
    }

    @Test
    void everyCaseIsWellFormed() {
        List<String> problems = new ArrayList<>();
        JsonNode cases = corpus.path("cases");
        if (!cases.isArray()) {
            problems.add("the file has no 'cases' list");
        } else {
            Set<String> names = new HashSet<>();
            for (int i = 0; i < cases.size(); i++) {
                checkCase(cases.get(i), i, names, problems);
            }
        }
        assertThat(problems).as(String.join("\n", problems)).isEmpty();
    }

    @Test
    void theCorpusHasAtLeastEightyCasesAndCoversEveryShape() {
        JsonNode cases = corpus.path("cases");
        assertThat(cases.size()).as("number of cases").isGreaterThanOrEqualTo(MINIMUM_CASES);
        Set<String> seen = new HashSet<>();
        cases.forEach(c -> seen.add(c.path("shape").asText()));
        assertThat(seen).as("shapes used").containsAll(SHAPES);
    }

    @Test
    void everyFileUnderRealIsUsedByACase() throws IOException {
        Set<String> used = new HashSet<>();
        corpus.path("cases").forEach(c -> {
            if (c.hasNonNull("file")) {
                used.add(c.get("file").asText());
            }
        });
        List<String> orphans;
        try (Stream<Path> files = Files.list(folder.resolve("real"))) {
            orphans = files.map(p -> "real/" + p.getFileName()).filter(f -> !used.contains(f)).sorted().toList();
        }
        assertThat(orphans).as("files under real/ that no case names").isEmpty();
    }

    private static void checkCase(JsonNode c, int index, Set<String> names, List<String> problems) {
        String name = c.path("name").asText("");
        String where = "case " + (index + 1) + (name.isBlank() ? "" : " (" + name + ")");
        if (!c.isObject()) {
            problems.add(where + ": not a mapping");
            return;
        }
        c.fieldNames().forEachRemaining(key -> {
            if (!CASE_KEYS.contains(key)) {
                problems.add(where + ": unknown field '" + key + "'");
            }
        });
        if (name.isBlank()) {
            problems.add(where + ": no name");
        } else if (!NAME.matcher(name).matches()) {
            problems.add(where + ": name '" + name + "' is not lower-case words joined by '-'");
        } else if (!names.add(name)) {
            problems.add(where + ": the name '" + name + "' is used twice");
        }
        requireText(c, "source", where, problems);
        String shape = c.path("shape").asText("");
        if (!SHAPES.contains(shape)) {
            problems.add(where + ": shape '" + shape + "' is not one of " + new java.util.TreeSet<>(SHAPES));
        }
        checkInput(c, where, problems);
        String why = c.path("why").asText("");
        if (why.isBlank()) {
            problems.add(where + ": no 'why'");
        } else if (why.contains("\n")) {
            problems.add(where + ": 'why' is more than one line");
        }
        if (c.has("composed")) {
            if (!c.get("composed").isBoolean()) {
                problems.add(where + ": 'composed' is not true or false");
            } else if (c.get("composed").asBoolean() && !why.toLowerCase().contains("composed")) {
                problems.add(where + ": a composed fixture must say so in 'why'");
            }
        }
        Set<String> expectedPairs = checkExpect(c.get("expect"), where, problems);
        if (c.has("report")) {
            checkReport(c.get("report"), expectedPairs, where, problems);
        }
    }

    private static void checkInput(JsonNode c, String where, List<String> problems) {
        boolean hasInput = c.hasNonNull("input");
        boolean hasFile = c.hasNonNull("file");
        if (hasInput == hasFile) {
            problems.add(where + ": needs exactly one of 'input' and 'file'");
            return;
        }
        if (hasInput && c.get("input").asText().isBlank()) {
            problems.add(where + ": 'input' is empty");
        }
        if (hasFile) {
            String file = c.get("file").asText();
            Path path = folder.resolve(file).normalize();
            if (!file.startsWith("real/") || !path.startsWith(folder.resolve("real"))) {
                problems.add(where + ": file '" + file + "' is not under real/");
            } else if (!Files.isRegularFile(path)) {
                problems.add(where + ": file '" + file + "' does not exist");
            } else if (sizeOf(path) == 0) {
                problems.add(where + ": file '" + file + "' is empty");
            }
        }
    }

    /** Returns the pairs the expect list names, for the report cross-check. */
    private static Set<String> checkExpect(JsonNode expect, String where, List<String> problems) {
        Set<String> pairs = new LinkedHashSet<>();
        if (expect == null || !expect.isArray()) {
            problems.add(where + ": 'expect' is not a list (write [] when nothing is to be answered)");
            return pairs;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < expect.size(); i++) {
            JsonNode item = expect.get(i);
            String at = where + ", expect item " + (i + 1);
            if (!item.isObject()) {
                problems.add(at + ": not a mapping");
                continue;
            }
            item.fieldNames().forEachRemaining(key -> {
                if (!ITEM_KEYS.contains(key)) {
                    problems.add(at + ": unknown field '" + key + "'");
                }
            });
            int kinds = (item.has("pair") ? 1 : 0) + (item.has("rule") ? 1 : 0) + (item.has("phrase") ? 1 : 0);
            if (kinds != 1) {
                problems.add(at + ": needs exactly one of pair, rule, phrase");
                continue;
            }
            String key;
            if (item.has("pair")) {
                String pair = item.get("pair").asText();
                if (!PAIR.matcher(pair).matches() || pair.equals("-/-")) {
                    problems.add(at + ": pair '" + pair + "' is not MS/SIP with '-' for one missing side");
                }
                pairs.add(pair);
                key = "pair " + pair;
            } else if (item.has("rule")) {
                String rule = item.get("rule").asText();
                if (!RULE.matcher(rule).matches()) {
                    problems.add(at + ": rule '" + rule + "' is not a prefix (560) or a class (5xx, 18x)");
                }
                key = "rule " + rule;
            } else {
                String phrase = item.get("phrase").asText();
                if (phrase.isBlank()) {
                    problems.add(at + ": empty phrase");
                }
                key = "phrase " + phrase;
            }
            if (!seen.add(key)) {
                problems.add(at + ": " + key + " is listed twice (repeats are occurrences)");
            }
            checkEnum(item, "match", MATCHES, at, problems);
            checkEnum(item, "originator", ORIGINATORS, at, problems);
            if (item.has("occurrences") && (!item.get("occurrences").canConvertToInt() || item.get("occurrences").asInt() < 1)) {
                problems.add(at + ": occurrences is not a positive number");
            }
            if (item.has("q850")) {
                int cause = item.get("q850").asInt(-1);
                if (!item.get("q850").isInt() || cause < 1 || cause > 127) {
                    problems.add(at + ": q850 '" + item.get("q850").asText() + "' is not a cause value 1 to 127");
                }
            }
        }
        return pairs;
    }

    private static void checkReport(JsonNode report, Set<String> expectedPairs, String where, List<String> problems) {
        String at = where + ", report";
        if (!report.isObject()) {
            problems.add(at + ": not a mapping");
            return;
        }
        report.fieldNames().forEachRemaining(key -> {
            if (!REPORT_KEYS.contains(key)) {
                problems.add(at + ": unknown field '" + key + "'");
            }
        });
        Map<String, Integer> counts = new HashMap<>();
        for (String key : REPORT_COUNTS) {
            JsonNode value = report.get(key);
            if (value == null) {
                continue;
            }
            if (!value.isInt() || value.asInt() < 0) {
                problems.add(at + ": " + key + " is not a count");
            } else {
                counts.put(key, value.asInt());
            }
        }
        for (String key : List.of("rows", "failed", "succeeded", "answeredElsewhere", "notCalls", "unreadable")) {
            if (!report.has(key)) {
                problems.add(at + ": no " + key);
            }
        }
        int classified = counts.getOrDefault("failed", 0) + counts.getOrDefault("succeeded", 0)
                + counts.getOrDefault("answeredElsewhere", 0) + counts.getOrDefault("notCalls", 0)
                + counts.getOrDefault("withoutCodes", 0);
        if (counts.containsKey("rows") && classified != counts.get("rows")) {
            problems.add(at + ": failed + succeeded + answeredElsewhere + notCalls + withoutCodes = " + classified
                    + ", not rows = " + counts.get("rows"));
        }
        JsonNode pairs = report.get("pairs");
        if (pairs == null || !pairs.isObject()) {
            problems.add(at + ": 'pairs' is not a mapping of pair to count (write {} for none)");
            return;
        }
        int failedInPairs = 0;
        for (Map.Entry<String, JsonNode> entry : pairs.properties()) {
            if (!PAIR.matcher(entry.getKey()).matches()) {
                problems.add(at + ": pair '" + entry.getKey() + "' is not MS/SIP");
            }
            if (!entry.getValue().isInt() || entry.getValue().asInt() < 1) {
                problems.add(at + ": the count of " + entry.getKey() + " is not a positive number");
            }
            failedInPairs += entry.getValue().asInt();
            if (!expectedPairs.contains(entry.getKey())) {
                problems.add(at + ": failed pair " + entry.getKey() + " is not in 'expect'");
            }
        }
        if (counts.containsKey("failed") && failedInPairs != counts.get("failed")) {
            problems.add(at + ": the pair counts add up to " + failedInPairs + ", not failed = " + counts.get("failed"));
        }
    }

    private static void requireText(JsonNode c, String field, String where, List<String> problems) {
        if (c.path(field).asText("").isBlank()) {
            problems.add(where + ": no " + field);
        }
    }

    private static void checkEnum(JsonNode item, String field, Set<String> allowed, String at, List<String> problems) {
        if (item.has(field) && !allowed.contains(item.get(field).asText())) {
            problems.add(at + ": " + field + " '" + item.get(field).asText() + "' is not one of " + new java.util.TreeSet<>(allowed));
        }
    }

    private static long sizeOf(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            return 0;
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
