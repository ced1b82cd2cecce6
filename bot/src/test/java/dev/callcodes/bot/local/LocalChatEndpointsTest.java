package dev.callcodes.bot.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local chat's server side through real HTTP, as the page uses it: activities posted to the bot's own
 * /api/messages with a serviceUrl pointing back at the app, replies delivered by the bot's unchanged adapter to the
 * local connector, and read back from the page's feed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "MicrosoftAppId=", "MicrosoftAppPassword="})
class LocalChatEndpointsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CARD = "application/vnd.microsoft.card.adaptive";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    private String base() {
        return "http://localhost:" + port;
    }

    private ObjectNode activity(String conversationId, String type) {
        ObjectNode activity = JSON.createObjectNode();
        activity.put("type", type);
        activity.put("id", "page-" + UUID.randomUUID());
        activity.put("channelId", "msteams");
        activity.put("serviceUrl", base() + "/local/connector/");
        activity.putObject("from").put("id", "local-user").put("name", "You");
        activity.putObject("recipient").put("id", "callcodes-bot").put("name", "CallCodes");
        activity.putObject("conversation").put("id", conversationId).put("conversationType", "personal");
        activity.put("locale", "en-US");
        return activity;
    }

    private ObjectNode message(String conversationId, String text) {
        return activity(conversationId, "message").put("text", text);
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> toBot(JsonNode activity) throws Exception {
        return send("POST", "/api/messages", JSON.writeValueAsString(activity));
    }

    private JsonNode feed(String conversationId, long after) throws Exception {
        HttpResponse<String> response = send("GET", "/local/chat/" + encode(conversationId) + "/activities?after="
                + after, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** The replies after {@code after}, once there are some: a message's reply comes after its 202. */
    private JsonNode replies(String conversationId, long after) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        JsonNode feed = feed(conversationId, after);
        while (feed.path("activities").isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
            feed = feed(conversationId, after);
        }
        return feed;
    }

    private static String encode(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String cardText(JsonNode activity) {
        JsonNode attachment = activity.path("attachments").path(0);
        assertThat(attachment.path("contentType").asText()).isEqualTo(CARD);
        return attachment.path("content").toString();
    }

    @Test
    void aQuestionIsAnsweredThroughTheRealPipelineIntoTheMailbox() throws Exception {
        // A Teams channel thread id: the SDK sends ':' and ';' unencoded in the connector's path.
        String conversation = "19:support@thread.tacv2;messageid=" + System.nanoTime();
        ObjectNode question = message(conversation, "what is 510559 403");

        assertThat(toBot(question).statusCode()).isEqualTo(202);

        JsonNode feed = replies(conversation, 0);
        assertThat(feed.path("epoch").asText()).isNotBlank();
        assertThat(feed.path("activities")).hasSize(1);
        JsonNode entry = feed.path("activities").get(0);
        JsonNode reply = entry.path("activity");
        assertThat(reply.path("type").asText()).isEqualTo("message");
        assertThat(reply.path("replyToId").asText()).isEqualTo(question.path("id").asText());
        assertThat(reply.path("conversation").path("id").asText()).isEqualTo(conversation);
        assertThat(entry.path("id").asText()).isNotBlank().isEqualTo(reply.path("id").asText());
        assertThat(entry.has("replaces")).isFalse();
        assertThat(cardText(reply)).contains("510559 / SIP 403", "Get Outbound routing - No viable path");
        assertThat(feed(conversation, entry.path("seq").asLong()).path("activities")).isEmpty();
    }

    @Test
    void installingShowsTheWelcomeCard() throws Exception {
        String conversation = "local:" + UUID.randomUUID();

        assertThat(toBot(activity(conversation, "installationUpdate").put("action", "add")).statusCode())
                .isEqualTo(202);

        assertThat(cardText(replies(conversation, 0).path("activities").get(0).path("activity")))
                .contains("Thanks for adding me");
    }

    @Test
    void anActionSubmitPressUpdatesTheCardInPlaceThroughTheConnector() throws Exception {
        String conversation = "local:" + UUID.randomUUID();
        toBot(message(conversation, "510559 403"));
        JsonNode card = replies(conversation, 0).path("activities").get(0);

        ObjectNode press = activity(conversation, "message");
        press.put("replyToId", card.path("id").asText());
        press.putObject("value").put("verb", "explain").put("text", "560403");
        assertThat(toBot(press).statusCode()).isEqualTo(202);

        JsonNode update = replies(conversation, card.path("seq").asLong()).path("activities");
        assertThat(update).hasSize(1);
        assertThat(update.get(0).path("replaces").asText()).isEqualTo(card.path("id").asText());
        assertThat(update.get(0).path("id").asText()).isEqualTo(card.path("id").asText());
        assertThat(cardText(update.get(0).path("activity"))).contains("560403 / SIP 403")
                .doesNotContain("510559 / SIP 403");
    }

    @Test
    void aPressOnACardTheConnectorNoLongerHasIsAnsweredBelowIt() throws Exception {
        String conversation = "local:" + UUID.randomUUID();
        ObjectNode press = activity(conversation, "message");
        press.put("replyToId", "evicted-card");
        press.putObject("value").put("verb", "explain").put("text", "560403");

        assertThat(toBot(press).statusCode()).isEqualTo(202);

        JsonNode entry = replies(conversation, 0).path("activities").get(0);
        assertThat(entry.has("replaces")).as("a new message, since the update was refused with 404").isFalse();
        assertThat(cardText(entry.path("activity"))).contains("560403 / SIP 403");
    }

    @Test
    void anActionExecutePressGetsTheNewCardInTheHttpResponse() throws Exception {
        String conversation = "local:" + UUID.randomUUID();
        ObjectNode invoke = activity(conversation, "invoke").put("name", "adaptiveCard/action")
                .put("replyToId", "card-1");
        invoke.putObject("value").set("action", JSON.valueToTree(Map.of(
                "type", "Action.Execute", "verb", "explain", "data", Map.of("text", "560403"))));

        HttpResponse<String> response = toBot(invoke);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("statusCode").asInt()).isEqualTo(200);
        assertThat(body.path("type").asText()).isEqualTo(CARD);
        assertThat(body.path("value").path("type").asText()).isEqualTo("AdaptiveCard");
        assertThat(body.path("value").toString()).contains("560403 / SIP 403");
        assertThat(feed(conversation, 0).path("activities")).as("nothing goes through the connector").isEmpty();
    }

    @Test
    void connectorIdsMayBeRawOrPercentEncoded() throws Exception {
        String conversation = "a:1x;messageid=42";
        String body = JSON.writeValueAsString(Map.of("type", "message", "text", "hello"));

        HttpResponse<String> raw = send("POST", "/local/connector/v3/conversations/" + conversation
                + "/activities", body);
        HttpResponse<String> encoded = send("POST", "/local/connector/v3/conversations/" + encode(conversation)
                + "/activities/some%3Bactivity", body);

        assertThat(raw.statusCode()).isEqualTo(200);
        assertThat(encoded.statusCode()).isEqualTo(200);
        String rawId = JSON.readTree(raw.body()).path("id").asText();
        String encodedId = JSON.readTree(encoded.body()).path("id").asText();
        assertThat(rawId).isNotBlank().isNotEqualTo(encodedId);
        assertThat(feed(conversation, 0).path("activities")).extracting(entry -> entry.path("id").asText())
                .containsExactly(rawId, encodedId);
        assertThat(feed("a:1x", 0).path("activities")).isEmpty();

        HttpResponse<String> update = send("PUT", "/local/connector/v3/conversations/" + conversation
                + "/activities/" + rawId, JSON.writeValueAsString(Map.of("type", "message", "text", "edited")));
        assertThat(update.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(update.body()).path("id").asText()).isEqualTo(rawId);
    }

    @Test
    void theConnectorRefusesWhatTheBotWouldNeverSend() throws Exception {
        String path = "/local/connector/v3/conversations/local%3Ax/activities";

        HttpResponse<String> notJson = send("POST", path, "{not json");
        HttpResponse<String> notAnObject = send("POST", path, "[1, 2]");
        HttpResponse<String> tooLarge = send("POST", path, "{\"text\": \"" + "x".repeat(LocalConnector.MAX_ACTIVITY_BYTES)
                + "\"}");
        HttpResponse<String> unknownUpdate = send("PUT", path + "/no-such-activity", "{\"type\": \"message\"}");

        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(notJson.body()).path("error").path("code").asText()).isEqualTo("BadArgument");
        assertThat(notAnObject.statusCode()).isEqualTo(400);
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(unknownUpdate.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknownUpdate.body()).path("error").path("code").asText())
                .isEqualTo("ActivityNotFound");
        assertThat(feed("local:x", 0).path("activities")).isEmpty();
    }

    @Test
    void theFeedRefusesAMalformedSequence() throws Exception {
        assertThat(send("GET", "/local/chat/local%3Ax/activities?after=yesterday", null).statusCode())
                .isEqualTo(400);
    }

    @Test
    void servesThePageAndTheRendererFromTheApp() throws Exception {
        HttpResponse<String> page = send("GET", "/", null);
        HttpResponse<String> renderer = send("GET", "/local-chat/vendor/adaptivecards.min.js", null);
        HttpResponse<String> licence = send("GET", "/local-chat/vendor/LICENSE", null);
        HttpResponse<String> script = send("GET", "/local-chat/chat.js", null);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith(
                "text/html"));
        assertThat(page.body()).contains("Local mode: no Teams, no sign-in. Off when MicrosoftAppId is set.",
                "<script src=\"/local-chat/vendor/adaptivecards.min.js\"></script>",
                "Content-Security-Policy");
        assertThat(page.body()).as("nothing loaded from another host").doesNotContainPattern(
                "(src|href)=\"(https?:)?//");
        assertThat(renderer.statusCode()).isEqualTo(200);
        assertThat(renderer.body().length()).as("the bundled renderer, not a stub").isGreaterThan(100_000);
        assertThat(renderer.body()).contains("AdaptiveCards");
        assertThat(licence.body()).contains("MIT License", "Microsoft");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.body()).contains("onProcessMarkdown", "/api/messages");
    }
}
