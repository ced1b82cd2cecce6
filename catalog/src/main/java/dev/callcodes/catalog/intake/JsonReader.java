package dev.callcodes.catalog.intake;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Call records in JSON, streamed token by token so a month of Graph records never sits in memory. An object that
 * names a code is a record: Graph call records and resultInfo, ACS logs (codes under "properties", often as
 * strings), ACS Call Automation events (resultInformation with sipDetails and q850Details), ACS SDK errors
 * ({@code _code}/{@code _subCode}, written as JavaScript objects). A nested object's fields belong to the object that
 * holds it, which becomes the record; objects in arrays are records of their own. "@odata.nextLink" is reported:
 * the export goes on beyond what was pasted.
 *
 * <p>The reader is lenient about what people paste (JavaScript object syntax, single quotes, trailing commas,
 * control characters in strings) and never throws on input: JSON that breaks off keeps the records read before the
 * break; the record it broke in is reported as not read, since its codes may be cut off.
 */
final class JsonReader {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES)
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).build())
            .build();
    private static final String NEXT_LINK = "@odata.nextLink";

    private final FieldLabels labels;

    JsonReader(FieldLabels labels) {
        this.labels = labels;
    }

    /** What one attempt found. */
    enum Outcome {
        /** Not JSON after all: it ended or failed before one object was read whole; the caller reads it as text. */
        NOT_JSON,
        /** One JSON value was read whole (records reported); what follows it is in {@code rest}. */
        READ,
        /** The JSON broke off or was invalid after one whole object; reported, and nothing after it is JSON. */
        BROKEN
    }

    /**
     * The result of reading one root value.
     *
     * @param rest       what the parser had buffered beyond the value (to be read as the next lines), or ""
     * @param linesRead  how many line breaks the value and its buffered rest contained up to where it ended
     */
    record Result(Outcome outcome, String rest, int linesRead) {
    }

    /** One JSON object being read: the fields found in it and in the objects it holds. */
    private static final class Frame {
        final boolean object;
        final boolean ownRecord;
        final boolean inArray;
        final String key;
        final long line;
        final Map<Field, String> values = new EnumMap<>(Field.class);
        final Map<Field, String> generic = new EnumMap<>(Field.class);
        String sipDetailsCode;
        String status;
        Integer q850Cause;
        String name;

        Frame(boolean object, boolean ownRecord, boolean inArray, String key, long line) {
            this.object = object;
            this.ownRecord = ownRecord;
            this.inArray = inArray;
            this.key = key == null ? "" : FieldLabels.compact(key);
            this.line = line;
        }

        boolean namesCode() {
            return values.containsKey(Field.SIP_CODE) || values.containsKey(Field.MICROSOFT_CODE)
                    || generic.containsKey(Field.SIP_CODE) && generic.containsKey(Field.MICROSOFT_CODE);
        }
    }

    /**
     * Reads one root value from {@code in}, reporting its records; {@code firstLine} numbers the lines. The reader
     * is not closed.
     */
    Result read(LineSource.JsonStream in, long firstLine, IntakeListener listener) throws IOException {
        Deque<Frame> stack = new ArrayDeque<>();
        // the name of the last value read: at a break, a code read last may be cut off ("560000" as "5600")
        String lastValueName = null;
        boolean committed = false;
        JsonParser parser = FACTORY.createParser(in);
        parser.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
        try {
            while (true) {
                JsonToken token;
                String text = null;
                try {
                    token = parser.nextToken();
                    if (token != null && token.isScalarValue()) {
                        text = parser.getText();
                    }
                } catch (JsonProcessingException broken) {
                    if (!committed) {
                        return new Result(Outcome.NOT_JSON, "", 0);
                    }
                    keepWholeCodes(stack, lastValueName, listener);
                    long line = broken.getLocation() == null ? firstLine
                            : firstLine + Math.max(0, broken.getLocation().getLineNr() - 1);
                    listener.unreadable(line, "the JSON breaks off or is not valid here, so nothing after it was read ("
                            + Codes.abbreviate(broken.getOriginalMessage().replace('\n', ' ')) + ")");
                    return new Result(Outcome.BROKEN, "", 0);
                }
                if (token == null) {
                    if (!stack.isEmpty()) {
                        if (!committed) {
                            return new Result(Outcome.NOT_JSON, "", 0);
                        }
                        keepWholeCodes(stack, lastValueName, listener);
                        listener.unreadable(firstLine + Math.max(0, parser.currentLocation().getLineNr() - 1),
                                "the JSON breaks off here (the paste or file ends inside it)");
                        return new Result(Outcome.BROKEN, "", 0);
                    }
                    return new Result(committed ? Outcome.READ : Outcome.NOT_JSON, "", 0);
                }
                Frame top = stack.peek();
                if (token.isScalarValue() && top != null) {
                    lastValueName = top.name;
                }
                long line = firstLine + Math.max(0, parser.currentTokenLocation().getLineNr() - 1);
                switch (token) {
                    case START_OBJECT -> stack.push(new Frame(true, top == null || !top.object,
                            top != null && !top.object, top == null ? null : top.name, line));
                    case START_ARRAY -> stack.push(new Frame(false, true, top != null && !top.object,
                            top == null ? null : top.name, line));
                    case END_ARRAY -> stack.pop();
                    case END_OBJECT -> {
                        endObject(stack, listener);
                        committed = commit(in, committed);
                    }
                    case FIELD_NAME -> top.name = parser.currentName();
                    default -> {
                        if (top != null && top.object && token != JsonToken.VALUE_NULL) {
                            value(top, text, listener);
                        }
                    }
                }
                if (stack.isEmpty()) {
                    if (!committed) {
                        // A bare scalar ("403", "true") is not a document worth reading as JSON.
                        return new Result(Outcome.NOT_JSON, "", 0);
                    }
                    StringWriter rest = new StringWriter();
                    parser.releaseBuffered(rest);
                    int lines = parser.currentLocation().getLineNr() - 1;
                    return new Result(Outcome.READ, rest.toString(), Math.max(0, lines));
                }
            }
        } finally {
            parser.close();
        }
    }

    private static boolean commit(LineSource.JsonStream in, boolean already) {
        if (!already) {
            in.commit();
        }
        return true;
    }

    private void value(Frame frame, String text, IntakeListener listener) {
        if (NEXT_LINK.equals(frame.name)) {
            listener.nextPage(text);
            return;
        }
        if (text == null) {
            return;
        }
        String value = text.strip();
        if (value.isEmpty() || frame.name == null) {
            return;
        }
        String compact = FieldLabels.compact(frame.name);
        if (frame.key.equals("sipdetails") && compact.equals("code")) {
            frame.sipDetailsCode = value;
            return;
        }
        if (compact.equals("status") && value.length() == 3 && value.chars().allMatch(Character::isDigit)) {
            // a SIP stack's log ({"verb":"sip:decline","status":604}): used only when nothing else names a code
            frame.status = value;
            return;
        }
        if (frame.key.equals("q850details") && compact.equals("code")) {
            Integer cause = Codes.sipCode(value);
            frame.q850Cause = cause;
            return;
        }
        Optional<Field> field = Optional.ofNullable(labels.fieldOfCompact(compact));
        if (field.isPresent()) {
            frame.values.putIfAbsent(field.get(), value);
        } else {
            Field generic = labels.genericField(compact);
            if (generic != null) {
                frame.generic.putIfAbsent(generic, value);
            }
        }
    }

    private void endObject(Deque<Frame> stack, IntakeListener listener) {
        Frame frame = stack.pop();
        resolveGeneric(frame);
        Frame holder = stack.peek();
        if (!frame.ownRecord && holder != null) {
            frame.values.forEach(holder.values::putIfAbsent);
            if (frame.sipDetailsCode != null) {
                holder.sipDetailsCode = holder.sipDetailsCode == null ? frame.sipDetailsCode : holder.sipDetailsCode;
            }
            if (frame.q850Cause != null && holder.q850Cause == null) {
                holder.q850Cause = frame.q850Cause;
            }
            return;
        }
        if (!frame.namesCode() && frame.status != null && frame.status.charAt(0) >= '3' && frame.status.charAt(0) <= '6') {
            frame.values.put(Field.SIP_CODE, frame.status);
        }
        if (frame.namesCode()) {
            emit(frame, listener);
        }
    }

    /** Generic names are codes beside each other: code with subcode (or a named subcode), message with both. */
    private static void resolveGeneric(Frame frame) {
        boolean hasSubcode = frame.generic.containsKey(Field.MICROSOFT_CODE)
                || frame.values.containsKey(Field.MICROSOFT_CODE);
        if (frame.generic.containsKey(Field.SIP_CODE) && hasSubcode) {
            frame.generic.forEach(frame.values::putIfAbsent);
        }
    }

    /**
     * The JSON broke off inside a record: the record is kept when it already has both its codes (they were read
     * whole, in a nested resultInfo for example); one with a single code is not, since its other code may be what
     * was cut off. Either way the break itself is reported.
     */
    private void keepWholeCodes(Deque<Frame> stack, String lastValueName, IntakeListener listener) {
        if (lastValueName != null) {
            String compact = FieldLabels.compact(lastValueName);
            Field last = labels.fieldOfCompact(compact);
            if (last != null && last.isCode() || labels.genericField(compact) != null && !compact.equals("message")) {
                return;
            }
        }
        Frame record = null;
        for (Frame frame : stack) {
            resolveGeneric(frame);
            if (frame.object && frame.ownRecord) {
                record = frame;
                break;
            }
        }
        if (record == null) {
            return;
        }
        for (Frame frame : stack) {
            if (frame == record) {
                break;
            }
            frame.values.forEach(record.values::putIfAbsent);
        }
        if (record.values.containsKey(Field.SIP_CODE) && record.values.containsKey(Field.MICROSOFT_CODE)) {
            emit(record, listener);
        }
    }

    private static void emit(Frame frame, IntakeListener listener) {
        if (frame.sipDetailsCode != null && !frame.values.containsKey(Field.SIP_CODE)) {
            // ACS Call Automation: without a code of its own, the record's SIP code is the one sipDetails gives.
            frame.values.put(Field.SIP_CODE, frame.sipDetailsCode);
        }
        Codes.Checked codes = Codes.check(frame.values.get(Field.SIP_CODE), frame.values.get(Field.MICROSOFT_CODE));
        if (codes.problem() != null) {
            listener.unreadable(frame.line, codes.problem());
            return;
        }
        listener.record(new CallRecord(codes.microsoftCode(), codes.sipCode(), frame.values.get(Field.PHRASE),
                frame.values.get(Field.SBC_FQDN), frame.values.get(Field.CALL_TYPE),
                frame.values.getOrDefault(Field.START_TIME, frame.values.get(Field.INVITE_TIME)),
                frame.values.get(Field.CORRELATION_ID),
                frame.values.get(Field.METHOD), frame.values.get(Field.RECORD_ID), frame.values.get(Field.USER),
                frame.q850Cause, null, RecordFormat.JSON, frame.inArray, frame.line));
    }
}
