package dev.callcodes.catalog.search;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Words admins use for the same thing ("drop" and "disconnect", "sbc" and "gateway"), as data: one group per line
 * of {@code search/synonyms.txt}. Read by stem, so a group lists each word once.
 */
final class Synonyms {

    private Synonyms() {
    }

    /** Each stem to the other stems of its groups. */
    static Map<String, Set<String>> load(String resource) {
        InputStream in = Synonyms.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("Search resource missing from the class path: " + resource);
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return parse(reader.lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    static Map<String, Set<String>> parse(List<String> lines) {
        Map<String, Set<String>> out = new HashMap<>();
        for (String line : lines) {
            String content = line.strip();
            if (content.isEmpty() || content.startsWith("#")) {
                continue;
            }
            Set<String> group = new HashSet<>();
            for (String word : content.split(",")) {
                List<String> tokens = CatalogSearch.tokens(word);
                if (tokens.size() == 1) {
                    group.add(CatalogSearch.stem(tokens.get(0)));
                }
            }
            for (String stem : group) {
                Set<String> others = out.computeIfAbsent(stem, k -> new HashSet<>());
                group.stream().filter(other -> !other.equals(stem)).forEach(others::add);
            }
        }
        out.replaceAll((k, v) -> Set.copyOf(v));
        return Map.copyOf(out);
    }
}
