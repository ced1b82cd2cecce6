package dev.callcodes.watch.calls;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.function.Consumer;

/**
 * Reads one {@code getDirectRoutingCalls} page with Jackson's streaming parser, so a 1,000-row page never becomes a
 * tree: rows go to the sink as they are read. {@code @odata.nextLink} is found wherever it stands (Microsoft's
 * example has it after {@code value}; its text spells it {@code @odata.NextLink}, so the name is matched without
 * case). A row without an id or a start time, or with a time or code that does not parse, is counted with the
 * reason and skipped, never guessed.
 */
public final class CallRowParser {

    private static final JsonFactory JSON = new JsonFactory();
    /** Graph's "no such time" (the .NET DateTime minimum), e.g. failureDateTime of a call that did not fail. */
    private static final Instant NONE = Instant.parse("0001-01-01T00:00:00Z");

    /** What one page held. */
    public record Page(long rows, long unreadable, String firstProblem, String nextLink) {
    }

    public Page parse(InputStream body, Consumer<CallRow> sink) throws IOException {
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("the page is not a JSON object");
            }
            long rows = 0;
            long unreadable = 0;
            String firstProblem = null;
            String nextLink = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("value".equals(name) && value == JsonToken.START_ARRAY) {
                    int index = 0;
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        if (parser.currentToken() != JsonToken.START_OBJECT) {
                            parser.skipChildren();
                            unreadable++;
                            firstProblem = firstProblem != null ? firstProblem : "row " + index + " is not an object";
                        } else {
                            RowFields row = new RowFields();
                            String problem = readRow(parser, row);
                            if (problem == null) {
                                sink.accept(row.toRow());
                                rows++;
                            } else {
                                unreadable++;
                                firstProblem = firstProblem != null ? firstProblem : "row " + index + ": " + problem;
                            }
                        }
                        index++;
                    }
                } else if ("@odata.nextLink".equalsIgnoreCase(name) && value == JsonToken.VALUE_STRING) {
                    nextLink = parser.getText();
                } else {
                    parser.skipChildren();
                }
            }
            return new Page(rows, unreadable, firstProblem, nextLink);
        }
    }

    /** Reads the fields of one row object; returns why it cannot be used, or null. */
    private static String readRow(JsonParser parser, RowFields row) throws IOException {
        String problem = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken token = parser.nextToken();
            if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                parser.skipChildren();
                continue;
            }
            try {
                switch (name) {
                    case "id" -> row.id = text(parser, token);
                    case "correlationId" -> row.correlationId = text(parser, token);
                    case "startDateTime" -> row.start = time(parser, token);
                    case "inviteDateTime" -> row.invite = time(parser, token);
                    case "failureDateTime" -> row.failure = time(parser, token);
                    case "endDateTime" -> row.end = time(parser, token);
                    case "finalSipCode" -> row.finalSipCode = integer(parser, token);
                    case "finalSipCodePhrase" -> row.phrase = text(parser, token);
                    case "callEndSubReason" -> row.subReason = code(parser, token);
                    case "callType" -> row.callType = text(parser, token);
                    case "trunkFullyQualifiedDomainName" -> row.trunk = text(parser, token);
                    case "userPrincipalName" -> row.upn = text(parser, token);
                    case "userId" -> row.userId = text(parser, token);
                    case "duration" -> row.duration = integer(parser, token);
                    case "successfulCall" -> row.successful = token == JsonToken.VALUE_NULL ? null
                            : token == JsonToken.VALUE_TRUE;
                    default -> {
                        // Fields the watch does not use (numbers, locations, display names) are not kept.
                    }
                }
            } catch (IllegalArgumentException | DateTimeParseException e) {
                problem = problem != null ? problem : name + " '" + parser.getText() + "' cannot be read";
            }
        }
        if (problem != null) {
            return problem;
        }
        if (row.id == null || row.id.isBlank()) {
            return "no id";
        }
        if (row.start == null) {
            return "no startDateTime";
        }
        return null;
    }

    private static String text(JsonParser parser, JsonToken token) throws IOException {
        return token == JsonToken.VALUE_NULL ? null : parser.getText();
    }

    private static Instant time(JsonParser parser, JsonToken token) throws IOException {
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token != JsonToken.VALUE_STRING) {
            throw new IllegalArgumentException("not a time");
        }
        String text = parser.getText();
        if (text.isEmpty()) {
            return null;
        }
        Instant instant = OffsetDateTime.parse(text).toInstant();
        return instant.equals(NONE) ? null : instant;
    }

    private static Integer integer(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case VALUE_NULL -> null;
            case VALUE_NUMBER_INT -> parser.getIntValue();
            case VALUE_STRING -> parser.getText().isBlank() ? null : Integer.valueOf(parser.getText().trim());
            default -> throw new IllegalArgumentException("not a number");
        };
    }

    /** A Microsoft code as digits: Graph sends a number, exports a string. */
    private static String code(JsonParser parser, JsonToken token) throws IOException {
        Integer value = integer(parser, token);
        if (value != null && value < 0) {
            throw new IllegalArgumentException("negative");
        }
        return value == null ? null : Integer.toString(value);
    }

    private static final class RowFields {
        String id;
        String correlationId;
        Instant start;
        Instant invite;
        Instant failure;
        Instant end;
        Integer finalSipCode;
        String phrase;
        String subReason;
        String callType;
        String trunk;
        String upn;
        String userId;
        Integer duration;
        Boolean successful;

        CallRow toRow() {
            return new CallRow(id, correlationId, start, invite, failure, end, finalSipCode, phrase, subReason,
                    callType, trunk, upn, userId, duration, successful);
        }
    }
}
