package dev.callcodes.benchmarks.stack;

import java.nio.charset.StandardCharsets;

/** Teams-shaped activities as the Bot Framework service posts them, written out as JSON. */
final class Activities {

    static final String QUESTION = "what is 510559 403";

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
        return ("{" + fields + ",\"id\":\"bench-activity\",\"channelId\":\"msteams\",\"serviceUrl\":"
                + quoted(serviceUrl) + ",\"locale\":\"en-US\","
                + "\"from\":{\"id\":\"29:bench-user\",\"name\":\"Bench User\",\"aadObjectId\":"
                + "\"00000000-0000-0000-0000-000000000001\"},"
                + "\"recipient\":{\"id\":\"28:bench-bot\",\"name\":\"Bench Bot\"},"
                + "\"conversation\":{\"id\":" + quoted(conversationId) + ",\"conversationType\":\"personal\","
                + "\"tenantId\":\"00000000-0000-0000-0000-000000000002\"},"
                + "\"channelData\":{\"tenant\":{\"id\":\"00000000-0000-0000-0000-000000000002\"}}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
