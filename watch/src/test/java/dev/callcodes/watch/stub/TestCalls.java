package dev.callcodes.watch.stub;

import dev.callcodes.watch.calls.CallRow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Hand-made calls for tests. */
public final class TestCalls {

    private TestCalls() {
    }

    public static CallRow call(String id, Instant start, String sbc, String microsoftCode, int sip, String user) {
        boolean failed = sip != 0;
        return new CallRow(id, UUID.nameUUIDFromBytes(id.getBytes()).toString(), start, start.minusMillis(300),
                failed ? start.plusSeconds(2) : null, failed ? null : start.plusSeconds(60), sip,
                failed ? "Failure " + sip : "BYE", microsoftCode, "ByotOut", sbc, user, null, failed ? 0 : 60, !failed);
    }

    public static CallRow ok(String id, Instant start, String sbc) {
        return call(id, start, sbc, "540000", 0, "user@contoso.com");
    }

    /** {@code count} calls spread over [start, start + count seconds). */
    public static List<CallRow> many(String prefix, int count, Instant start, String sbc, String microsoftCode, int sip) {
        List<CallRow> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(call(prefix + "-" + i, start.plusSeconds(i), sbc, microsoftCode, sip, "user" + (i % 50) + "@contoso.com"));
        }
        return rows;
    }
}
