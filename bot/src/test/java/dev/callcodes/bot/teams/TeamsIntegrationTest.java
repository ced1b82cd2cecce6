package dev.callcodes.bot.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.bot.schema.Activity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole app over real HTTP: Teams-shaped activities in on a random port, replies out to a stub connector on
 * loopback, as the Bot Framework service would see them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TeamsIntegrationTest {

    private static final ObjectMapper JSON = Activities.JSON;
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static StubConnector connector;

    @LocalServerPort
    int port;

    @Autowired
    CallCodesAdapter adapter;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startConnector() throws IOException {
        connector = new StubConnector();
    }

    @AfterAll
    static void stopConnector() throws IOException {
        connector.close();
    }

    private HttpResponse<String> post(String path, Object body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static <T extends Activity> T toConnector(T activity) {
        activity.setServiceUrl(connector.serviceUrl());
        return activity;
    }

    private static String decoded(String path) {
        return URLDecoder.decode(path, StandardCharsets.UTF_8);
    }

    @Test
    void personalMessageIsAnsweredWithACardThroughTheConnector() throws Exception {
        Activity message = toConnector(Activities.personal("what is 510559 403"));

        assertThat(post("/api/messages", message).statusCode()).isEqualTo(202);

        StubConnector.Request reply = connector.take(WAIT);
        assertThat(reply.method()).isEqualTo("POST");
        assertThat(decoded(reply.path()))
                .isEqualTo("/v3/conversations/a:personal-chat/activities/" + message.getId());
        assertThat(reply.body().path("type").asText()).isEqualTo("message");
        JsonNode attachment = reply.body().path("attachments").get(0);
        assertThat(attachment.path("contentType").asText()).isEqualTo("application/vnd.microsoft.card.adaptive");
        assertThat(attachment.path("content").path("fallbackText").asText()).startsWith("510559 / SIP 403");
    }

    @Test
    void channelMentionIsAnsweredInItsThread() throws Exception {
        Activity post = toConnector(Activities.channelMention("560403 403"));

        assertThat(post("/api/messages", post).statusCode()).isEqualTo(202);

        StubConnector.Request reply = connector.take(WAIT);
        assertThat(decoded(reply.path())).isEqualTo("/v3/conversations/19:support@thread.tacv2;messageid="
                + "1700000000000/activities/" + post.getId());
        assertThat(reply.body().path("replyToId").asText()).isEqualTo(post.getId());
        assertThat(reply.body().path("attachments").get(0).path("content").toString()).contains("560403");
    }

    @Test
    void messageExtensionQueryIsAnsweredInTheHttpResponse() throws Exception {
        Activity query = toConnector(Activities.invoke("composeExtension/query", Map.of(
                "commandId", MessageExtension.SEARCH_COMMAND,
                "parameters", List.of(Map.of("name", "query", "value", "510559")))));

        HttpResponse<String> response = post("/api/messages", query);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode result = JSON.readTree(response.body()).path("composeExtension");
        assertThat(result.path("type").asText()).isEqualTo("result");
        assertThat(result.path("attachments").get(0).path("content").toString()).contains("510559");
        assertThat(connector.idle(Duration.ofMillis(300))).as("an invoke sends nothing to the connector").isTrue();
    }

    @Test
    void messageActionOpensADialogWithTheMessagesCodes() throws Exception {
        Activity action = toConnector(Activities.invoke("composeExtension/fetchTask", Map.of(
                "commandId", MessageAction.EXPLAIN_COMMAND, "commandContext", "message",
                "messagePayload", Map.of("body", Map.of("contentType", "html",
                        "content", "<p>Outbound call failed</p><p>SIP 504 / 569008 since this morning</p>")))));

        HttpResponse<String> response = post("/api/messages", action);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode task = JSON.readTree(response.body()).path("task");
        assertThat(task.path("type").asText()).isEqualTo("continue");
        assertThat(task.path("value").path("card").path("content").toString()).contains("569008");
    }

    @Test
    void manyConversationsAtOnceAllGetTheirReply() throws Exception {
        int conversations = 24;
        List<Activity> messages = IntStream.range(0, conversations).mapToObj(i -> {
            Activity a = toConnector(Activities.personal("510559 403"));
            a.getConversation().setId("a:load-" + i);
            return a;
        }).toList();
        List<CompletableFuture<HttpResponse<String>>> sent = messages.stream().map(a -> {
            try {
                return http.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/messages"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(a))).build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        sent.forEach(f -> assertThat(f.join().statusCode()).isEqualTo(202));

        Set<String> answered = connector.take(conversations, WAIT).stream()
                .map(r -> decoded(r.path()).split("/")[3]).collect(Collectors.toSet());
        assertThat(answered).hasSize(conversations);
        assertThat(adapter.maxRequestsPerHost()).isEqualTo(64);
    }

    @Test
    void aThrottledReplyIsRetried() throws Exception {
        connector.failNext(429);
        Activity message = toConnector(Activities.personal("569008 504"));

        assertThat(post("/api/messages", message).statusCode()).isEqualTo(202);

        List<StubConnector.Request> attempts = connector.take(2, WAIT);
        assertThat(attempts).extracting(StubConnector.Request::path).containsOnly(attempts.get(0).path());
        assertThat(attempts.get(1).body().toString()).contains("569008");
    }

    @Test
    void withoutCredentialsRepliesToOtherHostsAreRefused() throws Exception {
        Activity message = Activities.personal("510559 403");
        message.setServiceUrl("http://203.0.113.9/");

        HttpResponse<String> response = post("/api/messages", message);

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(JSON.readTree(response.body()).path("reference").asText()).matches("[0-9a-f]{8}");
        assertThat(response.body()).doesNotContain("203.0.113.9");
    }

    @Test
    void probesAndMetricsAreExposed() throws Exception {
        post("/api/messages", toConnector(Activities.personal("999999 403")));
        connector.take(WAIT);

        assertThat(get("/actuator/health/liveness").body()).contains("\"UP\"");
        assertThat(get("/actuator/health/readiness").body()).contains("\"UP\"");
        JsonNode unknown = JSON.readTree(get("/actuator/metrics/callcodes.unknown.codes").body());
        assertThat(unknown.path("measurements").get(0).path("value").asDouble()).isGreaterThanOrEqualTo(1);
        assertThat(get("/actuator/metrics/callcodes.latency").statusCode()).isEqualTo(200);
    }
}
