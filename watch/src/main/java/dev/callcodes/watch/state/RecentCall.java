package dev.callcodes.watch.state;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A call seen by a recent poll, kept while it can still come back in a look-back window (for deduplication) and
 * while detection windows look at it. Only failures keep their pair, user and correlation id. Stored as a JSON
 * array: a 3-hour look-back of a busy tenant holds tens of thousands of these.
 *
 * @param start start time, epoch seconds
 */
@JsonFormat(shape = JsonFormat.Shape.ARRAY)
@JsonPropertyOrder({"id", "start", "sbc", "pair", "user", "correlationId"})
public record RecentCall(String id, long start, String sbc, String pair, String user, String correlationId) {

    public boolean failed() {
        return pair != null;
    }
}
