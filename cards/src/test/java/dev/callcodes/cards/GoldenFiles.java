package dev.callcodes.cards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The golden cases: src/test/resources/golden/TEMPLATE/CASE.data.json and CASE.expected.json, the expected output
 * written by the official engine (golden.mjs). {@code -Pconformance -Dgolden.update=true} rewrites both.
 */
final class GoldenFiles {

    static final Path DIR = Path.of("src/test/resources/golden");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private GoldenFiles() {
    }

    record Golden(String template, String name, JsonNode data, JsonNode expected) {
        @Override
        public String toString() {
            return template + "/" + name;
        }
    }

    static List<Golden> all() {
        List<Golden> golden = new ArrayList<>();
        try (Stream<Path> files = Files.walk(DIR)) {
            for (Path data : files.filter(p -> p.toString().endsWith(".data.json")).sorted().toList()) {
                String name = data.getFileName().toString().replace(".data.json", "");
                Path expected = data.resolveSibling(name + ".expected.json");
                golden.add(new Golden(data.getParent().getFileName().toString(), name,
                        JSON.readTree(data.toFile()), JSON.readTree(expected.toFile())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return golden;
    }

    static List<CardCases.Case> cases() {
        return all().stream().map(g -> new CardCases.Case("golden:" + g, g.template(), g.data(), false)).toList();
    }

    static void writeData() throws IOException {
        for (CardCases.Case c : CardCases.syntheticCases()) {
            String variant = c.id().substring(c.template().length() + 1);
            Path file = DIR.resolve(c.template()).resolve(variant + ".data.json");
            Files.createDirectories(file.getParent());
            JSON.writeValue(file.toFile(), c.data());
        }
    }
}
