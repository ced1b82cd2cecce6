package dev.callcodes.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks every catalog file and entry and reports every problem at once, so that one run shows an editor all there
 * is to fix.
 */
class CatalogConsistencyTest {

    private static final Path CATALOG_DIR = Path.of("src/main/resources/catalog");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,9}");
    private static final Set<String> OFFICIAL_HOSTS = Set.of(
            "https://learn.microsoft.com/", "https://www.rfc-editor.org/", "https://www.iana.org/");

    private final Catalog catalog = TestCatalog.get();

    @Test
    void everyFileMatchesItsSchema() throws IOException {
        JsonSchema entries = schema("entries.schema.json");
        JsonSchema sipCodes = schema("sip-codes.schema.json");
        List<String> problems = new ArrayList<>();
        for (String file : CatalogLoader.listFiles(getClass().getClassLoader())) {
            JsonNode doc = YAML.readTree(CATALOG_DIR.resolve(file).toFile());
            JsonSchema schema = file.equals(CatalogLoader.SIP_CODES_FILE) ? sipCodes : entries;
            for (ValidationMessage message : schema.validate(doc)) {
                problems.add(file + ": " + message.getInstanceLocation() + ": " + message.getMessage());
            }
        }
        assertThat(problems).as("schema violations").isEmpty();
    }

    @Test
    void theFileListNamesEveryCatalogFileAndNoOther() throws IOException {
        Set<String> listed = new TreeSet<>(CatalogLoader.listFiles(getClass().getClassLoader()));
        Set<String> onDisk = new TreeSet<>();
        try (Stream<Path> paths = Files.walk(CATALOG_DIR)) {
            paths.filter(p -> p.toString().endsWith(".yaml"))
                    .forEach(p -> onDisk.add(CATALOG_DIR.relativize(p).toString().replace('\\', '/')));
        }
        assertThat(listed).as("catalog/files.txt versus the folder").isEqualTo(onDisk);
    }

    @Test
    void everyEntryIsWellFormedAndSourced() {
        List<String> problems = new ArrayList<>();
        Map<String, Integer> ids = new HashMap<>();
        for (CatalogEntry e : catalog.entries()) {
            String where = e.id() + ": ";
            ids.merge(e.id(), 1, Integer::sum);
            if (e.microsoftCode() != null && !DIGITS.matcher(e.microsoftCode()).matches()) {
                problems.add(where + "microsoftCode '" + e.microsoftCode() + "' is not 1 to 9 digits");
            }
            e.sipCodes().stream().filter(c -> c < 0 || c > 699)
                    .forEach(c -> problems.add(where + "sipCode " + c + " is outside 0..699"));
            if (e.sources().isEmpty()) {
                problems.add(where + "no source");
            }
            e.sources().stream().filter(s -> OFFICIAL_HOSTS.stream().noneMatch(s::startsWith))
                    .forEach(s -> problems.add(where + "source is not an official page: " + s));
            if (e.steps().isEmpty()) {
                problems.add(where + "no remediation step");
            }
            e.steps().stream().filter(s -> s.matches("^\\s*\\d+[.)].*"))
                    .forEach(s -> problems.add(where + "step carries its own number (the UI numbers steps): " + s));
            if (e.overridesRule() && e.originatorNote() == null) {
                problems.add(where + "originator overrides the 560 rule without an originatorNote");
            }
            if (e.phrase().isBlank() || !e.phrase().equals(e.phrase().strip())) {
                problems.add(where + "phrase is blank or has surrounding white space");
            }
            check560Rule(e, problems);
            for (String related : e.related()) {
                boolean known = catalog.knowsMicrosoftCode(related)
                        || related.length() == 3 && catalog.sipCode(Integer.parseInt(related)).isPresent();
                if (!known) {
                    problems.add(where + "related code " + related + " is neither in the catalog nor a SIP code");
                }
            }
        }
        ids.forEach((id, count) -> {
            if (count > 1) {
                problems.add(id + ": id used " + count + " times");
            }
        });
        assertThat(problems).as("catalog problems").isEmpty();
    }

    /**
     * 560xyz means the SBC sent SIP xyz, so such an entry's SIP code must be xyz. 560000 is normal clearing (SIP 0 or
     * 200 as published). A misprinted pair belongs in publishedAs, not in sipCodes.
     */
    private static void check560Rule(CatalogEntry e, List<String> problems) {
        String ms = e.microsoftCode();
        if (ms == null || ms.length() != 6 || !ms.startsWith(Originator.SBC_PREFIX)) {
            return;
        }
        int lastThree = Integer.parseInt(ms.substring(3));
        List<Integer> allowed = lastThree == 0 ? List.of(0, 200) : List.of(lastThree);
        if (e.sipCodes().isEmpty() || !allowed.containsAll(e.sipCodes())) {
            problems.add(e.id() + ": " + ms + " must have SIP code " + allowed + " by the 560 rule, has " + e.sipCodes());
        }
        if (e.originator() != Originator.SBC) {
            problems.add(e.id() + ": " + ms + " must be SBC-generated by the 560 rule");
        }
    }

    @Test
    void everySipCodeIsWellFormed() {
        List<String> problems = new ArrayList<>();
        for (SipCodeInfo info : catalog.sipCodes()) {
            if (info.iana() && info.rfc() == null) {
                problems.add(info.code() + ": IANA code without its RFC");
            }
            if (!info.iana() && info.rfc() != null) {
                problems.add(info.code() + ": non-IANA code with an RFC");
            }
            info.sources().stream().filter(s -> OFFICIAL_HOSTS.stream().noneMatch(s::startsWith))
                    .forEach(s -> problems.add(info.code() + ": source is not an official page: " + s));
        }
        for (CatalogEntry e : catalog.entries()) {
            e.sipCodes().stream().filter(c -> catalog.sipCode(c).isEmpty())
                    .forEach(c -> problems.add(e.id() + ": SIP code " + c + " has no general meaning in sip-codes.yaml"));
        }
        assertThat(problems).as("SIP code problems").isEmpty();
    }

    private static JsonSchema schema(String name) throws IOException {
        try (InputStream in = Files.newInputStream(CATALOG_DIR.resolve("schema").resolve(name))) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }
}
