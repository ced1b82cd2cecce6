package dev.callcodes.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Family metadata is data (catalog/families.yaml): every family an entry file names has a label, a rank and an
 * applicability there, and every product named anywhere has a label. The files are read as plain YAML, not through
 * the loader (which stops at the first problem), so one run lists every problem.
 */
class FamiliesConsistencyTest {

    private static final Path CATALOG_DIR = Path.of("src/main/resources/catalog");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void everyFamilyHasLabelRankAndApplicabilityAndEveryProductALabel() throws IOException {
        List<String> problems = new ArrayList<>();
        JsonNode doc = YAML.readTree(CATALOG_DIR.resolve(CatalogLoader.FAMILIES_FILE).toFile());
        Map<String, JsonNode> families = new LinkedHashMap<>();
        Map<Integer, String> ranks = new HashMap<>();
        for (JsonNode family : doc.path("families")) {
            String id = family.path("id").asText("");
            String where = CatalogLoader.FAMILIES_FILE + ", family '" + id + "': ";
            if (id.isBlank()) {
                problems.add(where + "no id");
                continue;
            }
            if (families.put(id, family) != null) {
                problems.add(where + "listed twice");
            }
            if (family.path("label").asText("").isBlank()) {
                problems.add(where + "no label");
            }
            if (!family.path("rank").isInt() || family.path("rank").asInt() < 1) {
                problems.add(where + "no rank (a whole number from 1)");
            } else {
                String other = ranks.put(family.path("rank").asInt(), id);
                if (other != null) {
                    problems.add(where + "rank " + family.path("rank").asInt() + " is also " + other + "'s");
                }
            }
            if (!family.path("appliesTo").isArray() || family.path("appliesTo").isEmpty()) {
                problems.add(where + "no appliesTo (the products its codes apply to)");
            }
        }
        Set<String> products = new TreeSet<>();
        for (JsonNode product : doc.path("products")) {
            String id = product.path("id").asText("");
            if (!products.add(id)) {
                problems.add(CatalogLoader.FAMILIES_FILE + ", product '" + id + "': listed twice");
            }
            if (product.path("label").asText("").isBlank()) {
                problems.add(CatalogLoader.FAMILIES_FILE + ", product '" + id + "': no label");
            }
        }
        families.forEach((id, family) -> family.path("appliesTo").forEach(p -> {
            if (!products.contains(p.asText())) {
                problems.add(CatalogLoader.FAMILIES_FILE + ", family '" + id + "': product " + p.asText()
                        + " is not under products");
            }
        }));

        Set<String> used = new TreeSet<>();
        for (String file : CatalogLoader.listFiles(getClass().getClassLoader())) {
            if (Set.of(CatalogLoader.FAMILIES_FILE, CatalogLoader.SIP_CODES_FILE, CatalogLoader.Q850_FILE).contains(file)) {
                continue;
            }
            JsonNode entries = YAML.readTree(CATALOG_DIR.resolve(file).toFile());
            String family = entries.path("family").asText("");
            used.add(family);
            if (!families.containsKey(family)) {
                problems.add(file + ": family '" + family + "' is not in " + CatalogLoader.FAMILIES_FILE
                        + " (give it a label, rank and appliesTo there)");
            }
            for (JsonNode entry : entries.path("entries")) {
                for (JsonNode p : entry.path("appliesTo")) {
                    if (!products.contains(p.asText())) {
                        problems.add(file + ", entry " + entry.path("id").asText() + ": product " + p.asText()
                                + " is not under products in " + CatalogLoader.FAMILIES_FILE);
                    }
                }
            }
        }
        families.keySet().stream().filter(id -> !used.contains(id))
                .forEach(id -> problems.add(CatalogLoader.FAMILIES_FILE + ", family '" + id + "': no file has its entries"));
        assertThat(problems).as("family metadata problems").isEmpty();
    }

    @Test
    void theLoadedCatalogUsesTheFamiliesFile() {
        Catalog catalog = TestCatalog.get();
        Families families = catalog.families();
        assertThat(families.label("acs-play-recognize"))
                .isEqualTo("Azure Communication Services: Play and Recognize action events");
        assertThat(families.productLabel("GRAPH_COMMUNICATIONS")).isEqualTo("Graph calling bots");
        // Answers list entries by family rank: Direct Routing before ACS.
        List<Integer> ranks = catalog.entries().stream().map(e -> families.rank(e.family())).toList();
        assertThat(ranks).isSorted();
        assertThat(catalog.entries().get(0).family()).isEqualTo("direct-routing");
        // An entry without appliesTo gets its family's; every loaded entry has one.
        assertThat(catalog.entries()).allSatisfy(e -> assertThat(e.appliesTo()).isNotEmpty());
    }
}
