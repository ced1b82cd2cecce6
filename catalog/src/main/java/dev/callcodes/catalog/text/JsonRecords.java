package dev.callcodes.catalog.text;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Call records in JSON, streamed token by token so a month of Graph records never sits in memory. An object that
 * names a code is a record. A nested object's fields (ACS logs keep them under "properties", Graph and ACS results
 * under "resultInfo") belong to the object that holds it, which becomes the record; objects in arrays are records
 * of their own. "@odata.nextLink" is reported: the export goes on beyond what was pasted.
 */
final class JsonRecords {

    private static final JsonFactory FACTORY = JsonFactory.builder().build();
    private static final String NEXT_LINK = "@odata.nextLink";

    private final FieldLabels labels;

    JsonRecords(FieldLabels labels) {
        this.labels = labels;
    }

    /** One JSON object being read: the fields found in it and in the objects it holds. */
    private static final class Frame {
        final boolean object;
        final boolean ownRecord;
        final long line;
        final Map<Field, String> values = new EnumMap<>(Field.class);
        final Map<Field, String> generic = new EnumMap<>(Field.class);
        String name;

        Frame(boolean object, boolean ownRecord, long line) {
            this.object = object;
            this.ownRecord = ownRecord;
            this.line = line;
        }

        boolean namesCode() {
            return values.containsKey(Field.SIP_CODE) || values.containsKey(Field.MICROSOFT_CODE);
        }
    }

    /**
     * Reads every record. False when the input is not JSON after all (it fails before any object was read whole), so the
     * caller can read it as text; a document that breaks later keeps what was read and reports where it broke.
     */
    boolean read(Reader in, RecordListener listener) throws IOException {
        Deque<Frame> stack = new ArrayDeque<>();
        // Once an object has been read whole, the input is JSON: a later error is a broken document, not prose.
        boolean committed = false;
        try (JsonParser parser = FACTORY.createParser(in)) {
            parser.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
            JsonToken token;
            while (true) {
                try {
                    token = parser.nextToken();
                } catch (JsonProcessingException broken) {
                    if (!committed) {
                        return false;
                    }
                    listener.unreadable(broken.getLocation() == null ? 0 : broken.getLocation().getLineNr(),
                            "the JSON breaks off or is not valid here, so nothing after it was read ("
                                    + Codes.abbreviate(broken.getOriginalMessage()) + ")");
                    return true;
                }
                if (token == null) {
                    return true;
                }
                if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY && stack.size() == 1) {
                    committed = true;
                }
                Frame top = stack.peek();
                switch (token) {
                    case START_OBJECT -> stack.push(new Frame(true, top == null || !top.object,
                            parser.currentTokenLocation().getLineNr()));
                    case START_ARRAY -> stack.push(new Frame(false, true, parser.currentTokenLocation().getLineNr()));
                    case END_ARRAY -> stack.pop();
                    case END_OBJECT -> endObject(stack, listener);
                    case FIELD_NAME -> top.name = parser.currentName();
                    default -> {
                        if (top != null && top.object && token.isScalarValue() && token != JsonToken.VALUE_NULL) {
                            value(top, parser.getText(), listener);
                        }
                    }
                }
            }
        }
    }

    private void value(Frame frame, String text, RecordListener listener) {
        if (NEXT_LINK.equals(frame.name)) {
            listener.nextPage(text);
            return;
        }
        String value = text.strip();
        if (value.isEmpty()) {
            return;
        }
        Optional<Field> field = labels.fieldOfName(frame.name);
        if (field.isPresent()) {
            frame.values.putIfAbsent(field.get(), value);
        } else {
            labels.fieldOfResultInfoName(frame.name).ifPresent(f -> frame.generic.putIfAbsent(f, value));
        }
    }

    private static void endObject(Deque<Frame> stack, RecordListener listener) {
        Frame frame = stack.pop();
        if (frame.generic.containsKey(Field.SIP_CODE) && frame.generic.containsKey(Field.MICROSOFT_CODE)) {
            frame.generic.forEach(frame.values::putIfAbsent);
        }
        Frame holder = stack.peek();
        if (!frame.ownRecord && holder != null) {
            frame.values.forEach(holder.values::putIfAbsent);
            return;
        }
        if (frame.namesCode()) {
            emit(frame, listener);
        }
    }

    private static void emit(Frame frame, RecordListener listener) {
        Codes.Checked codes = Codes.check(frame.values.get(Field.SIP_CODE), frame.values.get(Field.MICROSOFT_CODE));
        if (codes.problem() != null) {
            listener.unreadable(frame.line, codes.problem());
            return;
        }
        listener.record(new CallRecord(codes.microsoftCode(), codes.sipCode(), frame.values.get(Field.PHRASE),
                frame.values.get(Field.SBC_FQDN), frame.values.get(Field.CALL_TYPE),
                frame.values.get(Field.START_TIME), frame.values.get(Field.CORRELATION_ID), frame.line));
    }
}
