package dev.callcodes.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the catalog's YAML files from one source: the class path or a folder. The files, families.yaml among them,
 * are listed in {@code files.txt} because a class path (inside a jar) cannot be listed; a test keeps that list and
 * the embedded folder in step.
 */
final class CatalogLoader {

    static final String ROOT = "catalog/";
    static final String FILE_LIST = "files.txt";
    static final String SIP_CODES_FILE = "sip-codes.yaml";
    static final String Q850_FILE = "q850-causes.yaml";
    static final String FAMILIES_FILE = "families.yaml";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private CatalogLoader() {
    }

    record EntryFile(String family, List<EntryData> entries) {
    }

    record EntryData(String id, String microsoftCode, List<Integer> sipCodes, String phrase, String summary,
                     String cause, List<String> steps, Originator originator, String originatorNote,
                     List<String> appliesTo, List<String> sources, List<String> related, List<String> sourceNotes,
                     List<PublishedPair> publishedAs, List<PhraseAlias> aliases, Map<String, String> context,
                     List<String> symptoms) {
    }

    record SipCodeFile(List<SipCodeInfo> sipCodes) {
    }

    record Q850File(List<Q850Cause> causes) {
    }

    record FamiliesFile(List<FamilyData> families, List<Families.Product> products) {
    }

    record FamilyData(String id, String label, Integer rank, List<String> appliesTo) {
    }

    /** Where the files come from; {@code null} when the source has no such file. */
    @FunctionalInterface
    interface Source {
        InputStream open(String file) throws IOException;
    }

    static Source classPath(ClassLoader loader) {
        return file -> loader.getResourceAsStream(ROOT + file);
    }

    static Source folder(Path folder) {
        return file -> {
            Path path = folder.resolve(file);
            return Files.isRegularFile(path) ? Files.newInputStream(path) : null;
        };
    }

    static Catalog loadEmbedded() {
        return load(classPath(CatalogLoader.class.getClassLoader()));
    }

    /** The families come first, whatever their place in files.txt: every entry file is checked against them. */
    static Catalog load(Source source) {
        List<String> files = listFiles(source);
        if (!files.contains(FAMILIES_FILE)) {
            throw new CatalogException(FILE_LIST + " does not list " + FAMILIES_FILE);
        }
        Families families = loadFamilies(source);
        List<CatalogEntry> entries = new ArrayList<>();
        List<SipCodeInfo> sipCodes = List.of();
        List<Q850Cause> causes = List.of();
        for (String file : files) {
            if (file.equals(FAMILIES_FILE)) {
                continue;
            } else if (file.equals(SIP_CODES_FILE)) {
                sipCodes = read(source, file, SipCodeFile.class).sipCodes();
            } else if (file.equals(Q850_FILE)) {
                causes = read(source, file, Q850File.class).causes();
            } else {
                EntryFile entryFile = read(source, file, EntryFile.class);
                for (EntryData data : entryFile.entries()) {
                    entries.add(toEntry(file, entryFile.family(), data, families));
                }
            }
        }
        return new Catalog(entries, sipCodes, causes, families);
    }

    /** Reads families.yaml; a family without its label, rank or applicability stops loading, naming it and the field. */
    static Families loadFamilies(Source source) {
        FamiliesFile file = read(source, FAMILIES_FILE, FamiliesFile.class);
        require(FAMILIES_FILE, "families", file.families());
        require(FAMILIES_FILE, "products", file.products());
        List<Families.Family> families = new ArrayList<>();
        for (FamilyData d : file.families()) {
            String where = FAMILIES_FILE + ", family " + (d.id() == null ? "(no id)" : d.id());
            require(where, "id", d.id());
            require(where, "label", d.label());
            require(where, "rank", d.rank());
            require(where, "appliesTo", d.appliesTo());
            families.add(new Families.Family(d.id(), d.label(), d.rank(), d.appliesTo()));
        }
        for (Families.Product p : file.products()) {
            require(FAMILIES_FILE + ", product " + (p.id() == null ? "(no id)" : p.id()), "label", p.label());
        }
        return new Families(families, file.products());
    }

    static List<String> listFiles(ClassLoader loader) {
        return listFiles(classPath(loader));
    }

    static List<String> listFiles(Source source) {
        try (InputStream in = open(source, FILE_LIST);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + FILE_LIST, e);
        }
    }

    private static <T> T read(Source source, String file, Class<T> type) {
        try (InputStream in = open(source, file)) {
            return YAML.readValue(in, type);
        } catch (IOException e) {
            throw new CatalogException("Catalog file " + file + " is not valid: " + describe(e), e);
        }
    }

    private static InputStream open(Source source, String file) throws IOException {
        InputStream in = source.open(file);
        if (in == null) {
            throw new CatalogException("Catalog file missing: " + file);
        }
        return in;
    }

    private static CatalogEntry toEntry(String file, String family, EntryData d, Families families) {
        String where = file + ", entry " + (d.id() == null ? "(no id)" : d.id());
        require(where, "family", family);
        Families.Family known = families.family(family).orElseThrow(() -> new CatalogException(
                file + ": field 'family': '" + family + "' is not listed in " + FAMILIES_FILE));
        require(where, "id", d.id());
        require(where, "phrase", d.phrase());
        require(where, "summary", d.summary());
        require(where, "cause", d.cause());
        for (PhraseAlias alias : orEmpty(d.aliases())) {
            require(where + ", alias " + alias.phrase(), "aliases[].phrase", alias.phrase());
            require(where + ", alias " + alias.phrase(), "aliases[].source", alias.source());
        }
        Originator originator = d.originator() != null ? d.originator() : Originator.byRule(d.microsoftCode());
        return new CatalogEntry(d.id(), family, d.microsoftCode(), orEmpty(d.sipCodes()), d.phrase(), d.summary(),
                d.cause(), orEmpty(d.steps()), originator, d.originatorNote(),
                d.appliesTo() == null ? known.appliesTo() : d.appliesTo(),
                orEmpty(d.sources()), orEmpty(d.related()), orEmpty(d.sourceNotes()), orEmpty(d.publishedAs()),
                orEmpty(d.aliases()), d.context() == null ? Map.of() : d.context(), orEmpty(d.symptoms()));
    }

    private static String describe(IOException e) {
        return e instanceof JsonProcessingException json ? json.getMessage() : e.toString();
    }

    private static void require(String where, String field, Object value) {
        if (value == null) {
            throw new CatalogException(where + ": field '" + field + "' is missing");
        }
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

}
