package dev.callcodes.catalog.text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Codes in JSON: Graph call records (finalSipCode, callEndSubReason, finalSipCodePhrase), ACS logs
 * (participantEndReason, participantEndSubCode, often strings) and result objects (resultInfo: code, subcode, message).
 * Each object that names a code becomes one reference, in document order.
 */
final class JsonCodes {

    /** Trailing tokens fail the parse: JSON Lines must fall back to the line-by-line reading, not lose lines. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final FieldLabels labels;

    JsonCodes(FieldLabels labels) {
        this.labels = labels;
    }

    /** The references in the text if it is one JSON document; empty if it is not JSON. */
    Optional<List<CodeReference>> read(String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty() || (trimmed.charAt(0) != '{' && trimmed.charAt(0) != '[')) {
            return Optional.empty();
        }
        JsonNode root;
        try {
            root = JSON.readTree(trimmed);
        } catch (JsonProcessingException notJson) {
            return Optional.empty();
        }
        List<CodeReference> found = new ArrayList<>();
        walk(root, found);
        return Optional.of(found);
    }

    private void walk(JsonNode node, List<CodeReference> found) {
        if (node.isObject()) {
            readObject(node).ifPresent(ref -> found.add(new CodeReference(
                    ref.microsoftCode(), ref.sipCode(), ref.phrase(), found.size())));
        }
        if (node.isContainerNode()) {
            for (JsonNode child : node) {
                walk(child, found);
            }
        }
    }

    private Optional<CodeReference> readObject(JsonNode object) {
        boolean resultInfo = hasResultInfoShape(object);
        String microsoftCode = null;
        Integer sipCode = null;
        String phrase = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> property = it.next();
            JsonNode value = property.getValue();
            if (!value.isValueNode() || value.isNull()) {
                continue;
            }
            Optional<Field> field = labels.fieldOfName(property.getKey());
            if (field.isEmpty() && resultInfo) {
                field = labels.fieldOfResultInfoName(property.getKey());
            }
            if (field.isEmpty()) {
                continue;
            }
            String text = value.asText().strip();
            switch (field.get()) {
                case SIP_CODE -> sipCode = sipCode != null ? sipCode : Codes.sipCode(text);
                case MICROSOFT_CODE -> microsoftCode = microsoftCode != null ? microsoftCode : Codes.microsoftCode(text);
                case PHRASE -> phrase = phrase != null || text.isEmpty() ? phrase : text;
                default -> { }
            }
        }
        if (microsoftCode == null && sipCode == null) {
            return Optional.empty();
        }
        return Optional.of(new CodeReference(microsoftCode, sipCode, phrase, 0));
    }

    private static boolean hasResultInfoShape(JsonNode object) {
        int generic = 0;
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String compact = FieldLabels.compact(names.next());
            if (compact.equals("code") || compact.equals("subcode")) {
                generic++;
            }
        }
        return generic == 2;
    }
}
