package dev.callcodes.watch.stub;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.callcodes.watch.calls.CallRow;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/** Writes calls as a {@code getDirectRoutingCalls} page, with every field of Microsoft's example. */
public final class GraphJson {

    private static final JsonFactory JSON = new JsonFactory();
    private static final String NONE = "0001-01-01T00:00:00Z";

    private GraphJson() {
    }

    public static byte[] page(List<CallRow> rows, String nextLink) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(rows.size() * 700 + 200);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("@odata.context",
                    "https://graph.microsoft.com/v1.0/$metadata#Collection(microsoft.graph.callRecords.directRoutingLogRow)");
            g.writeNumberField("@odata.count", rows.size());
            g.writeArrayFieldStart("value");
            for (CallRow row : rows) {
                g.writeStartObject();
                g.writeStringField("id", row.id());
                g.writeStringField("correlationId", row.correlationId());
                g.writeStringField("userId", row.userId());
                g.writeStringField("userPrincipalName", row.userPrincipalName());
                g.writeStringField("userDisplayName", "Display Name");
                g.writeStringField("startDateTime", time(row.startDateTime()));
                g.writeStringField("inviteDateTime", time(row.inviteDateTime()));
                g.writeStringField("failureDateTime", time(row.failureDateTime()));
                g.writeStringField("endDateTime", time(row.endDateTime()));
                g.writeNumberField("duration", row.duration() == null ? 0 : row.duration());
                g.writeStringField("callType", row.callType());
                g.writeBooleanField("successfulCall", Boolean.TRUE.equals(row.successfulCall()));
                g.writeStringField("callerNumber", "+12345678***");
                g.writeStringField("calleeNumber", "+01234567***");
                g.writeStringField("mediaPathLocation", "USWE");
                g.writeStringField("signalingLocation", "EUNO");
                g.writeNumberField("finalSipCode", row.finalSipCode() == null ? 0 : row.finalSipCode());
                g.writeNumberField("callEndSubReason", row.callEndSubReason() == null ? 0
                        : Integer.parseInt(row.callEndSubReason()));
                g.writeStringField("finalSipCodePhrase", row.finalSipCodePhrase());
                g.writeStringField("trunkFullyQualifiedDomainName", row.trunkFullyQualifiedDomainName());
                g.writeBooleanField("mediaBypassEnabled", false);
                g.writeEndObject();
            }
            g.writeEndArray();
            if (nextLink != null) {
                g.writeStringField("@odata.nextLink", nextLink);
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String time(Instant instant) {
        return instant == null ? NONE : instant.toString();
    }
}
