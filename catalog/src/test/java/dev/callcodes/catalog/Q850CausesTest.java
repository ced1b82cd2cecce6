package dev.callcodes.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the Q.850 causes against the standards they come from, reporting every problem at once: the SIP mapping of
 * RFC 3398 section 7.2.4.1 (test resource reference/rfc3398-isup-to-sip.tsv), the Q.850 names and meanings of the
 * no-answer causes, no duplicates, every field filled.
 */
class Q850CausesTest {

    /** The causes issue 11 asks for: those seen in Teams, SBC and carrier traces. */
    private static final Set<Integer> SEEN_IN_PRACTICE = Set.of(1, 3, 16, 17, 18, 19, 20, 21, 22, 27, 28, 31, 34, 38,
            41, 42, 44, 47, 50, 55, 57, 58, 63, 65, 69, 79, 88, 95, 96, 97, 99, 100, 102, 111, 127);

    private static final Set<String> CAUSE_SOURCE_HOSTS = Set.of("https://www.rfc-editor.org/", "https://www.itu.int/",
            "https://learn.microsoft.com/");

    private final Catalog catalog = TestCatalog.get();

    @Test
    void everyCauseInTheRfc3398TableMapsToTheSipResponseTheRfcGives() throws IOException {
        Map<Integer, Set<Integer>> rfc = rfc3398();
        List<String> problems = new ArrayList<>();
        rfc.forEach((cause, sip) -> catalog.q850Cause(cause).ifPresentOrElse(
                c -> {
                    if (!new TreeSet<>(c.sipCodes()).equals(sip)) {
                        problems.add("cause " + cause + ": sipCodes " + c.sipCodes() + ", RFC 3398 gives " + sip);
                    }
                },
                () -> problems.add("cause " + cause + " is in the RFC 3398 table but not in q850-causes.yaml")));
        for (Q850Cause c : catalog.q850Causes()) {
            if (!rfc.containsKey(c.cause()) && !c.sipCodes().isEmpty()) {
                problems.add("cause " + c.cause() + ": RFC 3398 has no row for it, yet it lists sipCodes " + c.sipCodes());
            }
        }
        assertThat(problems).as("Q.850 to SIP mapping").isEmpty();
    }

    @Test
    void theNoAnswerCausesHaveTheMeaningsQ850GivesThem() {
        List<String> problems = new ArrayList<>();
        expect(problems, 18, "No user responding", List.of("neither an alerting", "within the time"), "rang");
        expect(problems, 19, "No answer from user (user alerted)", List.of("rang", "alerted"), "never");
        expect(problems, 20, "Subscriber absent", List.of("cannot be reached", "switched off"), "rang but");
        assertThat(problems).as("causes 18, 19 and 20").isEmpty();
    }

    private void expect(List<String> problems, int cause, String name, List<String> mustSay, String mustNotSay) {
        catalog.q850Cause(cause).ifPresentOrElse(c -> {
            if (!c.name().equals(name)) {
                problems.add(cause + ": name '" + c.name() + "', Q.850 calls it '" + name + "'");
            }
            String meaning = c.meaning().toLowerCase(java.util.Locale.ROOT);
            mustSay.stream().filter(w -> !meaning.contains(w))
                    .forEach(w -> problems.add(cause + ": meaning does not say '" + w + "'"));
            if (meaning.contains(mustNotSay)) {
                problems.add(cause + ": meaning says '" + mustNotSay + "', which is another cause's story");
            }
        }, () -> problems.add(cause + ": missing"));
    }

    @Test
    void everyCauseSeenInPracticeIsThereOnceWithEveryField() throws IOException {
        List<String> problems = new ArrayList<>();
        JsonNode doc = new ObjectMapper(new YAMLFactory())
                .readTree(Path.of("src/main/resources/catalog").resolve(CatalogLoader.Q850_FILE).toFile());
        Map<Integer, Integer> counts = new TreeMap<>();
        doc.get("causes").forEach(n -> counts.merge(n.path("cause").asInt(-1), 1, Integer::sum));
        counts.forEach((cause, n) -> {
            if (n > 1) {
                problems.add("cause " + cause + " appears " + n + " times");
            }
        });
        SEEN_IN_PRACTICE.stream().sorted().filter(c -> catalog.q850Cause(c).isEmpty())
                .forEach(c -> problems.add("cause " + c + " is missing"));
        for (Q850Cause c : catalog.q850Causes()) {
            String where = "cause " + c.cause() + ": ";
            if (c.name() == null || c.name().isBlank()) {
                problems.add(where + "no name");
            }
            if (c.meaning() == null || c.meaning().length() < 20) {
                problems.add(where + "no meaning");
            }
            if (c.inTeams() == null || c.inTeams().length() < 20) {
                problems.add(where + "no inTeams");
            }
            if (c.checks().isEmpty()) {
                problems.add(where + "no checks");
            }
            if (c.sources().isEmpty()) {
                problems.add(where + "no source");
            }
            c.sources().stream().filter(s -> CAUSE_SOURCE_HOSTS.stream().noneMatch(s::startsWith))
                    .forEach(s -> problems.add(where + "source is not a standard or Microsoft page: " + s));
            if (!c.sipCodes().isEmpty() && c.sources().stream().noneMatch(s -> s.contains("rfc3398"))) {
                problems.add(where + "has a SIP mapping but does not cite RFC 3398");
            }
            c.sipCodes().stream().filter(sip -> catalog.sipCode(sip).isEmpty())
                    .forEach(sip -> problems.add(where + "SIP " + sip + " has no entry in sip-codes.yaml"));
        }
        assertThat(problems).as("Q.850 causes").isEmpty();
    }

    @Test
    void aCauseIsFoundByItsValue() {
        assertThat(catalog.q850Cause(34)).map(Q850Cause::sipCodes).contains(List.of(503));
        assertThat(catalog.q850Cause(16)).map(Q850Cause::sipCodes).contains(List.of());
        assertThat(catalog.q850Cause(2)).isEmpty();
        assertThat(catalog.q850Causes()).extracting(Q850Cause::cause).isSorted();
    }

    /** cause to the set of SIP codes RFC 3398 gives; "-" (cause 16) is the empty set. */
    private static Map<Integer, Set<Integer>> rfc3398() throws IOException {
        Map<Integer, Set<Integer>> rows = new TreeMap<>();
        try (InputStream in = Q850CausesTest.class.getClassLoader().getResourceAsStream("reference/rfc3398-isup-to-sip.tsv");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.lines().filter(l -> !l.isBlank() && !l.startsWith("#") && !l.startsWith("cause\t")).forEach(l -> {
                String[] cells = l.split("\t");
                Set<Integer> sip = rows.computeIfAbsent(Integer.parseInt(cells[0]), k -> new TreeSet<>());
                if (!cells[1].equals("-")) {
                    sip.add(Integer.parseInt(cells[1]));
                }
            });
        }
        return rows;
    }
}
