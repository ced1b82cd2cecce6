package dev.callcodes.catalog.radar;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Draft catalog entries for the new pairs a radar run found, one entry file per family ({@code drafts-FAMILY.yaml},
 * in the catalog's own format): the official phrase verbatim and the official page filled in, the explanation marked
 * as not yet written. An editor writes the explanation and moves the entries into the family's file; or, to answer
 * the codes at once, copies the draft file into the catalog folder and lists it in files.txt as it is.
 */
public final class RadarDrafts {

    /** The words a draft's summary starts with, so that answers and cards show it is not explained yet. */
    public static final String NOT_YET_EXPLAINED = "New code, not yet explained";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER));

    private RadarDrafts() {
    }

    /** File name to YAML text, for every family with new pairs; empty when the report has none. */
    public static Map<String, String> files(RadarReport report) {
        Map<String, ArrayNode> byFamily = new LinkedHashMap<>();
        Map<String, Integer> ids = new HashMap<>();
        for (Finding f : report.of(Finding.Kind.NEW_PAIR)) {
            ArrayNode entries = byFamily.computeIfAbsent(f.family(), k -> YAML.createArrayNode());
            String base = "draft-" + f.family() + "-" + (f.microsoftCode() == null ? "none" : f.microsoftCode())
                    + "-" + (f.sipCode() == null ? "none" : f.sipCode());
            int n = ids.merge(base, 1, Integer::sum);
            ObjectNode e = entries.addObject();
            e.put("id", (n == 1 ? base : base + "-" + n).toLowerCase(Locale.ROOT));
            if (f.microsoftCode() != null) {
                e.put("microsoftCode", f.microsoftCode());
            }
            ArrayNode sip = e.putArray("sipCodes");
            if (f.sipCode() != null) {
                sip.add(f.sipCode());
            }
            e.put("phrase", f.published().phrase());
            e.put("summary", NOT_YET_EXPLAINED + ": Microsoft publishes this pair, and CallCodes has not explained it"
                    + " yet. Read the official text on the page below.");
            e.put("cause", "Not yet explained: until CallCodes writes it, the official page is the only explanation.");
            e.putArray("steps").add("Read what Microsoft's page says about this code: " + f.url());
            e.putArray("sources").add(f.url());
            ObjectNode context = e.putObject("context");
            context.put("draft", NOT_YET_EXPLAINED);
            context.put("foundOn", f.page() + " line " + f.published().line());
        }
        Map<String, String> files = new LinkedHashMap<>();
        byFamily.forEach((family, entries) -> {
            ObjectNode file = YAML.createObjectNode();
            file.put("family", family);
            file.set("entries", entries);
            try {
                files.put("drafts-" + family + ".yaml", "# Drafts written by 'radar --write-drafts': explanations not"
                        + " yet written.\n" + YAML.writeValueAsString(file));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        });
        return files;
    }

}
