package dev.callcodes.catalog;

import dev.callcodes.catalog.explain.Answer;
import dev.callcodes.catalog.explanation.CallCodes;
import dev.callcodes.catalog.explain.Match;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves the catalog holds every official row (test resource {@code reference/official-codes.tsv}, copied from the
 * project's reference material) and every IANA SIP code, and that explaining each official pair finds it exactly.
 */
class OfficialCoverageTest {

    /** The reference table groups Graph and the Teams call-notification row as "other-official". */
    private static final Map<String, List<String>> FAMILIES = Map.of(
            "other-official", List.of("graph-call-end", "teams-call-notification"));

    /**
     * The 399 rows of the project's reference table, plus the 18 ACS Play and Recognize event rows and the 8 rows the
     * voice Recognize table adds (issue 13).
     */
    private static final int OFFICIAL_ROWS = 399 + 18 + 8;

    private final Catalog catalog = TestCatalog.get();
    private final CallCodes codes = TestCatalog.codes();

    record OfficialRow(int line, String family, List<String> microsoftCodes, List<Integer> sipCodes, String phrase) {
        @Override
        public String toString() {
            return "official-codes.tsv line " + line + " (" + family + " " + microsoftCodes + "/" + sipCodes + " '"
                    + phrase + "')";
        }
    }

    @Test
    void everyOfficialRowIsInTheCatalog() throws IOException {
        List<OfficialRow> rows = officialRows();
        assertThat(rows).hasSize(OFFICIAL_ROWS);
        List<String> missing = new ArrayList<>();
        for (OfficialRow row : rows) {
            for (String ms : row.microsoftCodes()) {
                boolean found = catalog.entries().stream().anyMatch(e -> families(row).contains(e.family())
                        && java.util.Objects.equals(e.microsoftCode(), ms.isEmpty() ? null : ms)
                        && publishes(e, row.phrase())
                        && row.sipCodes().stream().allMatch(sip -> ms.isEmpty()
                                ? e.sipCodes().contains(sip) : catalog.byPair(ms, sip).contains(e)));
                if (!found) {
                    missing.add(row + " for Microsoft code '" + ms + "'");
                }
            }
        }
        assertThat(missing).as("official rows without a catalog entry").isEmpty();
    }

    @Test
    void explainingEveryOfficialPairAnswersExact() throws IOException {
        List<String> problems = new ArrayList<>();
        int pairs = 0;
        for (OfficialRow row : officialRows()) {
            for (String ms : row.microsoftCodes()) {
                for (int sip : row.sipCodes()) {
                    if (ms.isEmpty()) {
                        continue;
                    }
                    pairs++;
                    check(problems, row, "Final SIP code: " + sip + ", Final Microsoft subcode: " + ms, ms, sip);
                    if (ms.length() >= 4 && sip >= 100) {
                        check(problems, row, "what is " + ms + " " + sip, ms, sip);
                    }
                }
            }
        }
        assertThat(pairs).isGreaterThan(200);
        assertThat(problems).as("official pairs not explained exactly").isEmpty();
    }

    private void check(List<String> problems, OfficialRow row, String text, String ms, int sip) {
        List<Answer> answers = codes.explain(text).answers();
        if (answers.size() != 1) {
            problems.add(row + ": '" + text + "' gave " + answers.size() + " answers");
            return;
        }
        Answer answer = answers.get(0);
        boolean entryListed = answer.entries().stream().anyMatch(e -> publishes(e, row.phrase()));
        if (answer.match() != Match.EXACT || !ms.equals(answer.microsoftCode())
                || answer.sipCode() == null || answer.sipCode() != sip || !entryListed) {
            problems.add(row + ": '" + text + "' answered " + answer.match() + " " + answer.microsoftCode() + "/"
                    + answer.sipCode() + (entryListed ? "" : " without the official entry"));
        }
    }

    @Test
    void everyIanaSipCodeHasItsRegisteredPhraseAndRfc() throws IOException {
        List<String> problems = new ArrayList<>();
        List<String[]> rows = tsv("reference/sip-status-codes.tsv");
        assertThat(rows).hasSize(75);
        for (String[] row : rows) {
            int code = Integer.parseInt(row[0]);
            catalog.sipCode(code).ifPresentOrElse(info -> {
                if (!info.reasonPhrase().equals(row[1]) || !row[2].equals(info.rfc()) || !info.iana()) {
                    problems.add(code + ": catalog has '" + info.reasonPhrase() + "' " + info.rfc()
                            + ", IANA has '" + row[1] + "' " + row[2]);
                }
            }, () -> problems.add(code + " " + row[1] + ": missing from sip-codes.yaml"));
        }
        assertThat(problems).as("SIP codes").isEmpty();
    }

    /**
     * The entry carries the row's wording verbatim, as its phrase or as an alias: the table keeps the wording of the
     * page revision it was taken from, and a reworded page moves the old wording to an alias.
     */
    private static boolean publishes(CatalogEntry e, String phrase) {
        return e.phrase().equals(phrase) || e.aliases().stream().anyMatch(a -> a.phrase().equals(phrase));
    }

    private static List<String> families(OfficialRow row) {
        return FAMILIES.getOrDefault(row.family(), List.of(row.family()));
    }

    static List<OfficialRow> officialRows() throws IOException {
        List<OfficialRow> rows = new ArrayList<>();
        List<String[]> cells = tsv("reference/official-codes.tsv");
        for (int i = 0; i < cells.size(); i++) {
            String[] c = cells.get(i);
            List<String> ms = Arrays.asList(c[1].split("/", -1));
            List<Integer> sip = c[2].isEmpty() ? List.of()
                    : Arrays.stream(c[2].split(",")).map(String::strip).map(Integer::valueOf).toList();
            rows.add(new OfficialRow(i + 2, c[0], ms, sip, c[3]));
        }
        return rows;
    }

    private static List<String[]> tsv(String resource) throws IOException {
        try (InputStream in = OfficialCoverageTest.class.getClassLoader().getResourceAsStream(resource);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().skip(1).filter(l -> !l.isBlank()).map(l -> l.split("\t", -1)).toList();
        }
    }
}
