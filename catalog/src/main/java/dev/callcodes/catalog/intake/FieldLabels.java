package dev.callcodes.catalog.intake;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.callcodes.catalog.CatalogException;
import dev.callcodes.catalog.Phrases;
import dev.callcodes.catalog.search.EditDistance;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The names under which pasted text labels each field ({@code intake/field-labels.yaml}), matched regardless of
 * case, accents and word separators, with the language each name belongs to. Built once; immutable.
 */
final class FieldLabels {

    static final String RESOURCE = "intake/field-labels.yaml";
    static final String ANY_LANGUAGE = "any";

    /** Generic names that mean a code only beside each other (Graph resultInfo, ACS resultInformation, ACS SDK). */
    private static final Map<String, Field> GENERIC = Map.of(
            "code", Field.SIP_CODE, "subcode", Field.MICROSOFT_CODE, "message", Field.PHRASE);

    private static final int MIN_FUZZY_LENGTH = 8;

    /** The file's shape; unknown keys fail the load, so a typo in the file cannot silently drop its names. */
    private record LabelFile(
            @JsonProperty(value = "fields", required = true) Map<String, Map<String, List<String>>> fields,
            @JsonProperty(value = "notCodes", required = true) List<String> notCodes,
            @JsonProperty(value = "pairedCodes", required = true) List<String> pairedCodes) {
    }

    private final Map<String, Field> byCompactName = new HashMap<>();
    private final Map<String, String> languageOfCompactName = new HashMap<>();
    private final Set<String> notCodes = new HashSet<>();
    private final Set<String> pairedCodes = new HashSet<>();
    private final int longestLabelWords;

    private FieldLabels(LabelFile file) {
        int longest = 1;
        List<String> problems = new ArrayList<>();
        for (Field field : Field.values()) {
            Map<String, List<String>> byLanguage = file.fields().get(field.key);
            if (byLanguage == null || byLanguage.isEmpty()) {
                problems.add("no labels for field '" + field.key + "'");
                continue;
            }
            for (Map.Entry<String, List<String>> language : byLanguage.entrySet()) {
                for (String name : language.getValue()) {
                    String compact = compact(name);
                    Field previous = byCompactName.put(compact, field);
                    if (previous != null && previous != field) {
                        problems.add("label '" + name + "' is listed for both " + previous.key + " and " + field.key);
                    }
                    languageOfCompactName.merge(compact, language.getKey(),
                            (a, b) -> a.equals(b) ? a : ANY_LANGUAGE);
                    longest = Math.max(longest, words(name));
                }
            }
        }
        file.fields().keySet().stream().filter(key -> Field.byKey(key).isEmpty())
                .forEach(key -> problems.add("unknown field '" + key + "'"));
        for (String name : file.notCodes()) {
            if (byCompactName.containsKey(compact(name))) {
                problems.add("'" + name + "' is both a field label and a name whose numbers are not codes");
            }
            notCodes.add(compact(name));
            longest = Math.max(longest, words(name));
        }
        file.pairedCodes().forEach(name -> pairedCodes.add(compact(name)));
        if (!problems.isEmpty()) {
            throw new CatalogException(RESOURCE + ": " + String.join("; ", problems));
        }
        this.longestLabelWords = longest;
    }

    static FieldLabels load() {
        try (InputStream in = FieldLabels.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new CatalogException("Resource missing from the class path: " + RESOURCE);
            }
            ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                    .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
            return new FieldLabels(yaml.readValue(in, LabelFile.class));
        } catch (IOException e) {
            throw new CatalogException(RESOURCE + " is not valid: " + e.getMessage(), e);
        }
    }

    /** The field a column header or JSON property names, if any: "Final SIP code", "finalSipCode", "FINAL_SIP_CODE". */
    Optional<Field> fieldOfName(String name) {
        return Optional.ofNullable(byCompactName.get(compact(name)));
    }

    /** Like {@link #fieldOfName} for a name already in {@link #compact} form. */
    Field fieldOfCompact(String compact) {
        return byCompactName.get(compact);
    }

    /** The language of the name ("de", "fr" ...; "any" for names every language uses), or null for no label. */
    String languageOf(String name) {
        return languageOfCompactName.get(compact(name));
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
        if (exact != null || compact.length() < MIN_FUZZY_LENGTH || compact.length() > 64
                || compact.chars().anyMatch(Character::isDigit)) {
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

    /** The generic result-info meaning of a name (code, subcode, message), or null. */
    Field genericField(String compact) {
        return GENERIC.get(compact);
    }

    /** Whether numbers after this name are never codes ("cause", "CSeq", "ticket"). */
    boolean isNotCodes(String compact) {
        return notCodes.contains(compact);
    }

    /** Whether this name labels a code and subcode joined by '#' ("DiagCode: 500#3002"). */
    boolean isPairedCodes(String compact) {
        return pairedCodes.contains(compact);
    }

    /** The most words any label has: how far back a reader needs to look for one. */
    int longestLabelWords() {
        return longestLabelWords;
    }

    static String compact(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = Phrases.fold(name.charAt(i));
            if (Character.isLetterOrDigit(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static int words(String name) {
        return name.strip().split("[\\s_\\-]+").length;
    }
}
