package dev.callcodes.catalog.text;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.callcodes.catalog.CatalogException;
import dev.callcodes.catalog.Phrases;
import dev.callcodes.catalog.search.EditDistance;

import java.io.IOException;
import java.io.InputStream;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The names under which pasted text labels each field, matched regardless of case, accents and word separators.
 * Built once; immutable.
 */
final class FieldLabels {

    static final String RESOURCE = "text/field-labels.yaml";

    /** Generic JSON names that mean a code only in an object holding both (Graph resultInfo, ACS resultInformation). */
    private static final Map<String, Field> RESULT_INFO_KEYS = Map.of(
            "code", Field.SIP_CODE, "subcode", Field.MICROSOFT_CODE, "message", Field.PHRASE);

    private static final int MIN_FUZZY_LENGTH = 8;

    private final Map<String, Field> byCompactName = new HashMap<>();
    private final Map<Field, List<String>> aliases = new EnumMap<>(Field.class);

    private FieldLabels(Map<String, List<String>> raw) {
        for (Field field : Field.values()) {
            List<String> names = raw.get(field.key);
            if (names == null || names.isEmpty()) {
                throw new CatalogException(RESOURCE + ": no labels for field '" + field.key + "'");
            }
            aliases.put(field, names.stream().map(Phrases::foldAll).map(String::strip).toList());
            for (String name : names) {
                Field previous = byCompactName.put(compact(name), field);
                if (previous != null && previous != field) {
                    throw new CatalogException(RESOURCE + ": label '" + name + "' is listed for both "
                            + previous.key + " and " + field.key);
                }
            }
        }
    }

    static FieldLabels load() {
        try (InputStream in = FieldLabels.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new CatalogException("Resource missing from the class path: " + RESOURCE);
            }
            Map<String, List<String>> raw = new ObjectMapper(new YAMLFactory()).readValue(in, new TypeReference<>() { });
            return new FieldLabels(raw);
        } catch (IOException e) {
            throw new CatalogException(RESOURCE + " is not valid: " + e.getMessage(), e);
        }
    }

    /** The field a column header or JSON property names, if any: "Final SIP code", "finalSipCode", "FINAL_SIP_CODE". */
    Optional<Field> fieldOfName(String name) {
        return Optional.ofNullable(byCompactName.get(compact(name)));
    }

    /**
     * Like {@link #fieldOfName}, forgiving one typo in a long name (two in a very long one): exports and old
     * admin-center versions misspell headers ("Coorelation ID"). Short names must match exactly, or "sbc" and "sip"
     * would be confused; so must anything with a digit, which is a labelled value ("Final SIP code: 408"), not a
     * header.
     */
    Optional<Field> fieldOfHeader(String name) {
        String compact = compact(name);
        Field exact = byCompactName.get(compact);
        if (exact != null || compact.length() < MIN_FUZZY_LENGTH || compact.chars().anyMatch(Character::isDigit)) {
            return Optional.ofNullable(exact);
        }
        int allowed = compact.length() >= 12 ? 2 : 1;
        Field best = null;
        int bestDistance = allowed + 1;
        boolean tie = false;
        for (Map.Entry<String, Field> label : byCompactName.entrySet()) {
            int distance = EditDistance.atMost(compact, label.getKey(), allowed);
            if (distance < bestDistance) {
                best = label.getValue();
                bestDistance = distance;
                tie = false;
            } else if (distance == bestDistance && label.getValue() != best) {
                tie = true;
            }
        }
        return tie ? Optional.empty() : Optional.ofNullable(best);
    }

    /** Like {@link #fieldOfName}, also accepting the generic result-info names (code, subcode, message). */
    Optional<Field> fieldOfResultInfoName(String name) {
        return Optional.ofNullable(RESULT_INFO_KEYS.get(compact(name)));
    }

    /**
     * A regex alternation of every label of the field, longest first, over folded text; words may be joined by
     * spaces, '_' or '-', or nothing (camelCase property names).
     */
    String alternation(Field field) {
        return aliases.get(field).stream()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .map(FieldLabels::toRegex)
                .collect(Collectors.joining("|"));
    }

    private static String toRegex(String alias) {
        String[] words = alias.split("[\\s_\\-]+");
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < words.length; i++) {
            if (i > 0) {
                regex.append("[\\s_\\-]*");
            }
            regex.append(Pattern.quote(words[i]));
        }
        return regex.toString();
    }

    static String compact(String name) {
        String folded = Phrases.foldAll(name);
        StringBuilder out = new StringBuilder(folded.length());
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
