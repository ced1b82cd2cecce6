package dev.callcodes.catalog.search;

import dev.callcodes.catalog.TestCatalog;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The relevance set (issue 13 item 5): queries as admins type them, each with the entry an engineer would open
 * first. Search is good enough when at least 36 of the 40 put that entry in the top 3.
 */
class SearchRelevanceTest {

    private static final String SET = "search/relevance.tsv";
    private static final int TOP = 3;
    private static final int QUERIES = 40;
    private static final int REQUIRED = 36;

    private record Case(String query, String expected) {
    }

    private final CatalogSearch search = new CatalogSearch(TestCatalog.get());

    @Test
    void atLeast36Of40QueriesHaveTheExpectedEntryInTheTop3() throws IOException {
        List<Case> cases = cases();
        assertThat(cases).hasSize(QUERIES);
        List<String> misses = new ArrayList<>();
        for (Case c : cases) {
            List<String> top = search.search(c.query(), TOP).stream().map(h -> h.entry().id()).toList();
            if (!top.contains(c.expected())) {
                misses.add("'" + c.query() + "': expected " + c.expected() + ", top " + TOP + " " + top);
            }
        }
        int found = cases.size() - misses.size();
        System.out.println("search relevance: " + found + " of " + cases.size() + " queries have the expected entry"
                + " in the top " + TOP + (misses.isEmpty() ? "" : "; misses:\n  " + String.join("\n  ", misses)));
        assertThat(found).as("queries with the expected entry in the top %d; misses: %s", TOP, misses)
                .isGreaterThanOrEqualTo(REQUIRED);
    }

    @Test
    void everyExpectedEntryExists() throws IOException {
        for (Case c : cases()) {
            assertThat(TestCatalog.get().entries()).as("expected entry of '%s'", c.query())
                    .anyMatch(e -> e.id().equals(c.expected()));
        }
    }

    private static List<Case> cases() throws IOException {
        try (InputStream in = SearchRelevanceTest.class.getClassLoader().getResourceAsStream(SET)) {
            assertThat(in).as(SET).isNotNull();
            List<Case> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t");
                assertThat(cells).as("line '%s' of %s: query, tab, entry id", line, SET).hasSize(2);
                out.add(new Case(cells[0].strip(), cells[1].strip()));
            }
            return out;
        }
    }
}
