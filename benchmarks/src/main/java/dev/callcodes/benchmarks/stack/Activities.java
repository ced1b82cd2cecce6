package dev.callcodes.benchmarks.stack;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/** Teams-shaped activities as the Bot Framework service posts them, written out as JSON. */
final class Activities {

    static final String QUESTION = "what is 510559 403";

    /**
     * Where each request's own number goes in an activity's id. Teams gives every activity an id of its own, and the
     * bot answers an id it has seen once only (its store remembers them across restarts); so a request sent again
     * and again is numbered anew each time ({@link #number}), and a run's ids differ from an earlier run's.
     */
    private static final byte[] SEQUENCE_SLOT = "@@@@@@@@@@@@".getBytes(StandardCharsets.US_ASCII);
    private static final String ID_PREFIX = "bench-" + Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, 36)
            + "-" + new String(SEQUENCE_SLOT, StandardCharsets.US_ASCII);
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private Activities() {
    }

    /** A personal-chat message; its reply goes to {@code serviceUrl}. */
    static byte[] message(String serviceUrl, String conversationId, String text) {
        return activity(serviceUrl, conversationId, "\"type\":\"message\",\"text\":" + quoted(text));
    }

    /** A message-extension search as Teams sends it while the user types. */
    static byte[] extensionQuery(String serviceUrl, String conversationId, String query) {
        return activity(serviceUrl, conversationId, "\"type\":\"invoke\",\"name\":\"composeExtension/query\","
                + "\"value\":{\"commandId\":\"searchCodes\",\"parameters\":[{\"name\":\"query\",\"value\":"
                + quoted(query) + "}],\"queryOptions\":{\"skip\":0,\"count\":25}}");
    }

    static byte[] explainRequest(String text) {
        return ("{\"text\":" + quoted(text) + "}").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] activity(String serviceUrl, String conversationId, String fields) {
        return ("{" + fields + ",\"id\":\"" + ID_PREFIX + "\",\"channelId\":\"msteams\",\"serviceUrl\":"
                + quoted(serviceUrl) + ",\"locale\":\"en-US\","
                + "\"from\":{\"id\":\"29:bench-user\",\"name\":\"Bench User\",\"aadObjectId\":"
                + "\"00000000-0000-0000-0000-000000000001\"},"
                + "\"recipient\":{\"id\":\"28:bench-bot\",\"name\":\"Bench Bot\"},"
                + "\"conversation\":{\"id\":" + quoted(conversationId) + ",\"conversationType\":\"personal\","
                + "\"tenantId\":\"00000000-0000-0000-0000-000000000002\"},"
                + "\"channelData\":{\"tenant\":{\"id\":\"00000000-0000-0000-0000-000000000002\"}}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Where {@link #number} writes in this request, or -1 when it has no numbered id (an API request). */
    static int sequenceSlot(byte[] request) {
        outer:
        for (int at = 0; at <= request.length - SEQUENCE_SLOT.length; at++) {
            for (int i = 0; i < SEQUENCE_SLOT.length; i++) {
                if (request[at + i] != SEQUENCE_SLOT[i]) {
                    continue outer;
                }
            }
            return at;
        }
        return -1;
    }

    /**
     * Writes the run's next number into the request's id, in place: the same length, so its Content-Length still
     * holds. One sequence for the whole run, since loads reuse conversation ids.
     */
    static void number(byte[] request, int slot) {
        if (slot < 0) {
            return;
        }
        Arrays.fill(request, slot, slot + SEQUENCE_SLOT.length, (byte) '0');
        long rest = SEQUENCE.incrementAndGet();
        for (int at = slot + SEQUENCE_SLOT.length - 1; at >= slot && rest > 0; at--) {
            request[at] = (byte) ('0' + rest % 10);
            rest /= 10;
        }
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
