package dev.callcodes.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The embedded catalog plus a family it does not have ({@code new-family/} in the test resources), written to a
 * folder the way someone adding a family would: its family in families.yaml, its file in files.txt, its entries. The
 * embedded files are copied rather than kept twice in the test resources, so the two cannot drift apart.
 */
public final class NewFamilyCatalog {

    public static final String FAMILY = "test-carrier";
    public static final String LABEL = "Test Carrier: call rejection codes";
    public static final int RANK = 8;
    public static final String ENTRY = "tc-511404-404";
    public static final String PHRASE = "Test carrier could not route the dialed number";

    private static final String NEW = "new-family/";
    private static final String ENTRY_FILE = "test-carrier.yaml";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private NewFamilyCatalog() {
    }

    /** Writes the folder under {@code dir} and loads it with {@link Catalog#load(Path)}. */
    public static Catalog load(Path dir) {
        try {
            Path folder = dir.resolve("catalog");
            for (String file : CatalogLoader.listFiles(NewFamilyCatalog.class.getClassLoader())) {
                copy(CatalogLoader.ROOT + file, folder.resolve(file));
            }
            copy(CatalogLoader.ROOT + CatalogLoader.FILE_LIST, folder.resolve(CatalogLoader.FILE_LIST));
            Files.writeString(folder.resolve(CatalogLoader.FILE_LIST), "\n" + resource(NEW + CatalogLoader.FILE_LIST),
                    StandardOpenOption.APPEND);
            Path families = folder.resolve(CatalogLoader.FAMILIES_FILE);
            ObjectNode doc = (ObjectNode) YAML.readTree(families.toFile());
            ArrayNode added = (ArrayNode) YAML.readTree(resource(NEW + CatalogLoader.FAMILIES_FILE)).get("families");
            ((ArrayNode) doc.get("families")).addAll(added);
            YAML.writeValue(families.toFile(), doc);
            copy(NEW + ENTRY_FILE, folder.resolve(ENTRY_FILE));
            return Catalog.load(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copy(String resource, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        try (InputStream in = open(resource)) {
            Files.copy(in, to);
        }
    }

    private static String resource(String resource) throws IOException {
        try (InputStream in = open(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static InputStream open(String resource) throws IOException {
        InputStream in = NewFamilyCatalog.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IOException("Test resource missing: " + resource);
        }
        return in;
    }
}
