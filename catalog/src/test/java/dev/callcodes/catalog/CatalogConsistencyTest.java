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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
        Map<String, JsonSchema> special = Map.of(
                CatalogLoader.SIP_CODES_FILE, schema("sip-codes.schema.json"),
                CatalogLoader.Q850_FILE, schema("q850-causes.schema.json"),
                CatalogLoader.FAMILIES_FILE, schema("families.schema.json"));
        List<String> problems = new ArrayList<>();
        for (String file : CatalogLoader.listFiles(getClass().getClassLoader())) {
            JsonNode doc = YAML.readTree(CATALOG_DIR.resolve(file).toFile());
            JsonSchema schema = special.getOrDefault(file, entries);
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
            checkAliases(e, problems);
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
     * An alias is another official wording of the entry's own phrase: it must differ from that phrase, appear once, come
     * from an official page, and must not find an entry of another code that publishes a different message (a paste of
     * it would find the wrong entry). Codes that share one message, such as 540000 and 560000, may share aliases.
     */
    private void checkAliases(CatalogEntry e, List<String> problems) {
        Set<String> seen = new TreeSet<>();
        for (PhraseAlias alias : e.aliases()) {
            String where = e.id() + ": alias '" + alias.phrase() + "' ";
            String key = Phrases.normalize(alias.phrase());
            if (key.equals(Phrases.normalize(e.phrase()))) {
                problems.add(where + "is the entry's own phrase after normalization");
            }
            if (!seen.add(key)) {
                problems.add(where + "is listed twice");
            }
            if (OFFICIAL_HOSTS.stream().noneMatch(alias.source()::startsWith)) {
                problems.add(where + "source is not an official page: " + alias.source());
            }
            catalog.byPhrase(alias.phrase()).stream()
                    .filter(other -> !Objects.equals(other.microsoftCode(), e.microsoftCode()))
                    .filter(other -> !Phrases.normalize(other.phrase()).equals(Phrases.normalize(e.phrase())))
                    .forEach(other -> problems.add(where + "also finds " + other.id() + ", which publishes another message"));
        }
    }

    /**
     * Explanations are CallCodes' own words: no summary, cause or step repeats {@value #COPIED_RUN} or more consecutive
     * words of an official phrase, an alias, or one of Microsoft's published suggested actions (test resource
     * reference/official-actions.txt). Quoting a short phrase, a setting name or a cmdlet stays possible.
     */
    @Test
    void explanationsAreInOurOwnWords() throws IOException {
        Map<String, String> officialRuns = new HashMap<>();
        for (CatalogEntry e : catalog.entries()) {
            addRuns(officialRuns, e.phrase(), "the phrase of " + e.id());
            e.aliases().forEach(a -> addRuns(officialRuns, a.phrase(), "an alias of " + e.id()));
        }
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("reference/official-actions.txt")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            text.lines().filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .forEach(l -> addRuns(officialRuns, l, "Microsoft's suggested action '" + l + "'"));
        }
        List<String> problems = new ArrayList<>();
        for (CatalogEntry e : catalog.entries()) {
            List<String> texts = new ArrayList<>(List.of(e.summary(), e.cause()));
            texts.addAll(e.steps());
            texts.addAll(e.symptoms());
            for (String text : texts) {
                List<String> words = words(text);
                for (int i = 0; i + COPIED_RUN <= words.size(); i++) {
                    String run = String.join(" ", words.subList(i, i + COPIED_RUN));
                    String from = officialRuns.get(run);
                    if (from != null) {
                        problems.add(e.id() + ": '" + run + "' copies " + from);
                        break;
                    }
                }
            }
        }
        assertThat(problems).as("explanation text copied from official wording").isEmpty();
    }

    private static final int COPIED_RUN = 8;

    private static void addRuns(Map<String, String> runs, String text, String from) {
        List<String> words = words(text);
        for (int i = 0; i + COPIED_RUN <= words.size(); i++) {
            runs.putIfAbsent(String.join(" ", words.subList(i, i + COPIED_RUN)), from);
        }
    }

    private static List<String> words(String text) {
        return Arrays.stream(Phrases.foldAll(text).split("[^a-z0-9']+")).filter(w -> !w.isEmpty()).toList();
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
