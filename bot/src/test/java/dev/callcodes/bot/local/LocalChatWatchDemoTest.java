package dev.callcodes.bot.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Demo mode end to end, over real HTTP as the local chat page does it: {@code watch} posted to /api/messages, the
 * alert card of the demo's TLS burst arrives in the page's feed through the local connector, and the burst's update
 * replaces it in place (the connector's PUT). The waits only bound a loaded machine; what is asserted is the cards.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "MicrosoftAppId=", "MicrosoftAppPassword=", "CALLCODES_WATCH_SOURCE=demo", "CALLCODES_WATCH_INTERVAL=2s"})
// Closed after the test: a cached context would keep its demo watch polling every 2 s for the rest of the JVM,
// growing the heap under MailboxHeapTest's measurement (held 45.7 MB for 32 MiB once in CI).
@DirtiesContext
class LocalChatWatchDemoTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    private String base() {
        return "http://localhost:" + port;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void say(String conversationId, String text) throws Exception {
        ObjectNode activity = JSON.createObjectNode();
        activity.put("type", "message");
        activity.put("id", "page-" + UUID.randomUUID());
        activity.put("channelId", "msteams");
        activity.put("serviceUrl", base() + "/local/connector/");
        activity.putObject("from").put("id", "local-user").put("name", "You");
        activity.putObject("recipient").put("id", "callcodes-bot").put("name", "CallCodes");
        activity.putObject("conversation").put("id", conversationId).put("conversationType", "personal");
        activity.put("text", text);
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/api/messages"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(activity))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(202);
    }

    /** A card the page was sent: the message's id, the message it replaces in place (or null), the card as text. */
    private record Delivered(String id, String replaces, String card) {
    }

    /** Every card the page has been sent in the conversation since {@code after}. */
    private List<Delivered> cards(String conversationId, AtomicLong after) throws Exception {
        HttpResponse<String> response = get("/local/chat/" + URLEncoder.encode(conversationId, StandardCharsets.UTF_8)
                + "/activities?after=" + after.get());
        assertThat(response.statusCode()).isEqualTo(200);
        List<Delivered> cards = new ArrayList<>();
        for (JsonNode entry : JSON.readTree(response.body()).path("activities")) {
            after.set(Math.max(after.get(), entry.path("seq").asLong()));
            String replaces = entry.path("replaces").isTextual() ? entry.path("replaces").asText() : null;
            entry.path("activity").path("attachments").forEach(a -> cards.add(new Delivered(entry.path("id").asText(),
                    replaces, a.path("content").toString())));
        }
        return cards;
    }

    @Test
    void afterWatchThePageReceivesTheDemoAlertAndItsUpdateReplacesItInPlace() throws Exception {
        String conversation = "local:" + UUID.randomUUID();
        AtomicLong after = new AtomicLong();
        List<Delivered> received = new ArrayList<>();

        say(conversation, "watch");

        await().atMost(Duration.ofSeconds(300)).pollInterval(Duration.ofMillis(500)).until(() -> {
            received.addAll(cards(conversation, after));
            return received.stream().anyMatch(c -> c.card().contains("569008 / SIP 504 on sbc-eu.contoso.com"));
        });
        assertThat(received.get(0).card()).contains("Watching Direct Routing calls");
        Delivered alert = received.stream().filter(c -> c.card().contains("569008 / SIP 504 on sbc-eu.contoso.com"))
                .findFirst().orElseThrow();
        // Graph's phrase is the one the poll that opened the incident saw for the pair: a poll that opens it from the
        // hour's history alone (a slow machine polls later) has none, and the card then leaves the line out.
        assertThat(alert.card()).contains("Calls are failing", "Explain 569008 / SIP 504", "sbc-eu.contoso.com",
                "See the window's report");
        assertThat(alert.replaces()).isNull();
        System.out.println("demo: the page received " + received.size() + " card(s); the alert: "
                + JSON.readTree(alert.card()).path("fallbackText").asText());

        // The burst grows: its update comes through the local connector's PUT and replaces the alert on the page.
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500)).until(() -> {
            received.addAll(cards(conversation, after));
            return received.stream().anyMatch(c -> c.card().contains("Still failing, and growing"));
        });
        Delivered update = received.stream().filter(c -> c.card().contains("Still failing, and growing"))
                .findFirst().orElseThrow();
        assertThat(update.replaces()).as("the alert's message, replaced in place").isEqualTo(alert.id());
        assertThat(update.id()).isEqualTo(alert.id());
        assertThat(received).filteredOn(c -> c.card().contains("569008 / SIP 504 on sbc-eu.contoso.com"))
                .as("no second alert message").allSatisfy(c -> assertThat(c.id()).isEqualTo(alert.id()));
        System.out.println("demo: the alert was replaced in place by: "
                + JSON.readTree(update.card()).path("fallbackText").asText());

        say(conversation, "watch status");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            received.addAll(cards(conversation, after));
            return received.stream().anyMatch(c -> c.card().contains("Watch status"));
        });
        assertThat(received.stream().filter(c -> c.card().contains("Watch status")).findFirst().orElseThrow().card())
                .contains("subscribed, no digest", "demo");

        HttpResponse<String> readiness = get("/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(200);
        JsonNode watch = JSON.readTree(readiness.body()).path("components").path("watch");
        assertThat(watch.path("status").asText()).isEqualTo("UP");
        assertThat(watch.path("details").path("status").asText()).isIn("OK", "STARTING");
        System.out.println("readiness: " + watch);
    }
}
