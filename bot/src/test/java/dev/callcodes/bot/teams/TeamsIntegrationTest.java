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

import com.sun.net.httpserver.HttpServer;
import dev.callcodes.bot.server.ProblemJson;
import dev.callcodes.catalog.report.SyntheticExport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
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
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole app over real HTTP: Teams-shaped activities in on a random port, replies out to a stub connector on
 * loopback, as the Bot Framework service would see them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "CALLCODES_REPORT_MAX_BYTES=" + TeamsIntegrationTest.REPORT_LIMIT)
class TeamsIntegrationTest {

    static final int REPORT_LIMIT = 4 * 1024 * 1024;

    private static final ObjectMapper JSON = Activities.JSON;
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static StubConnector connector;

    @LocalServerPort
    int port;

    @Autowired
    CallCodesAdapter adapter;

    private final HttpClient http = HttpClient.newHttpClient();

    private static HttpServer files;

    @BeforeAll
    static void startConnector() throws IOException {
        connector = new StubConnector();
    }

    private static byte[] zippedExport;
    private static byte[] zippedHuge;
    private static final java.util.Queue<String> foreignHits = new java.util.concurrent.ConcurrentLinkedQueue<>();

    /**
     * Files as the local chat page sends them: uploaded to the app's own file endpoint, which stands in for OneDrive.
     * The other server is somewhere else on this machine, which a sender must not make the bot fetch from.
     */
    @BeforeAll
    static void startFileServer() throws IOException {
        StringWriter export = new StringWriter();
        SyntheticExport.write(export, 10_000, 42);
        zippedExport = zip("DirectRoutingReport.csv", export.toString());
        zippedHuge = zip("huge.csv", "Final SIP code,Final Microsoft subcode\n" + "403,510559\n".repeat(REPORT_LIMIT / 10));
        files = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        files.createContext("/", exchange -> {
            foreignHits.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            byte[] body = "Final SIP code,Final Microsoft subcode\n403,510559\n".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        files.start();
    }

    private static byte[] zip(String name, String content) throws IOException {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(zipped)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
        }
        return zipped.toByteArray();
    }

    @AfterAll
    static void stopConnector() throws IOException {
        connector.close();
        files.stop(0);
    }

    private static String foreignUrl(String path) {
        return "http://127.0.0.1:" + files.getAddress().getPort() + path;
    }

    /** What the local chat page does with a dropped file: the link the bot is then sent. */
    private String uploadLocal(String name, byte[] content) throws IOException, InterruptedException {
        HttpResponse<String> stored = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/local/files?name=" + name)).POST(HttpRequest.BodyPublishers.ofByteArray(content)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(201);
        return JSON.readTree(stored.body()).path("downloadUrl").asText();
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

    /**
     * The 202 does not wait for the connector: before, a turn held its request until the reply was delivered, so a
     * slow connector capped each of the channel's connections at one message per round trip.
     */
    @Test
    void aMessageIsAcceptedBeforeTheConnectorHasTakenItsReply() throws Exception {
        Activity message = toConnector(Activities.personal("what is 510559 403"));
        connector.holdAnswers();
        try {
            CompletableFuture<HttpResponse<String>> posted = http.sendAsync(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + "/api/messages"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(message))).build(),
                    HttpResponse.BodyHandlers.ofString());

            StubConnector.Request reply = connector.take(WAIT);
            assertThat(reply.body().path("replyToId").asText()).isEqualTo(message.getId());
            assertThat(posted.get(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS).statusCode())
                    .as("answered while the connector still holds the reply").isEqualTo(202);
        } finally {
            connector.answerHeld();
        }
        assertThat(get("/actuator/metrics/callcodes.turns.accepted").body()).contains("\"VALUE\"");
    }

    @Test
    void anUploadedZippedExportIsDownloadedSummarizedAndItsBreakdownOffered() throws Exception {
        Activity upload = toConnector(Activities.file("personal", "DirectRoutingReport.zip", "zip",
                uploadLocal("DirectRoutingReport.zip", zippedExport)));

        assertThat(post("/api/messages", upload).statusCode()).isEqualTo(202);

        StubConnector.Request reply = connector.take(WAIT);
        JsonNode attachments = reply.body().path("attachments");
        assertThat(attachments).hasSize(2);
        JsonNode card = attachments.get(0).path("content");
        assertThat(card.path("body").get(0).path("items").get(0).path("text").asText())
                .matches("[0-9,]+ failed calls of 9,998");
        assertThat(card.toString()).contains("DirectRoutingReport.zip").contains("Line 5001: the row stops after");
        JsonNode consent = attachments.get(1);
        assertThat(consent.path("contentType").asText()).isEqualTo(ReportUploads.CONSENT);
        assertThat(consent.path("name").asText()).isEqualTo("DirectRoutingReport - failed calls by code.csv");
        assertThat(consent.path("content").path("acceptContext").path("csv").asText())
                .startsWith("Microsoft code,SIP code,Failed calls").contains("510559,403,");
    }

    @Test
    void anUploadOverTheLimitIsRefusedWithTheLimitNamed() throws Exception {
        Activity upload = toConnector(Activities.file("personal", "huge.zip", "zip", uploadLocal("huge.zip", zippedHuge)));

        assertThat(post("/api/messages", upload).statusCode()).isEqualTo(202);

        StubConnector.Request reply = connector.take(WAIT);
        assertThat(reply.body().path("text").asText())
                .isEqualTo("huge.zip: This file is larger than 4 MB, the most I read. Export a shorter time range, "
                        + "or filter the report to failed calls.");

        HttpResponse<String> tooBig = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/local/files?name=huge.csv")).POST(HttpRequest.BodyPublishers.ofByteArray(
                                new byte[REPORT_LIMIT + 1])).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(tooBig.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(tooBig.body())).isEqualTo(ProblemJson.of(413, "This file is larger than 4 MB, the"
                + " most I read. Export a shorter time range, or filter the report to failed calls.", "/local/files",
                "body"));
    }

    @Test
    void aBrokenDownloadLinkGetsAClearMessage() throws Exception {
        String expired = "http://127.0.0.1:" + port + "/local/files/00000000-0000-4000-8000-000000000000";
        Activity upload = toConnector(Activities.file("personal", "gone.csv", "csv", expired));

        assertThat(post("/api/messages", upload).statusCode()).isEqualTo(202);

        StubConnector.Request reply = connector.take(WAIT);
        assertThat(reply.body().path("text").asText()).startsWith("gone.csv: I could not download the file (HTTP 404)");
    }

    /** The probe's SSRF: a sender named any loopback port, any https host, or a redirect, and got the content back. */
    @Test
    void withoutCredentialsOnlyTheAppsOwnFileEndpointIsFetched() throws Exception {
        for (String link : List.of(foreignUrl("/secret.csv"), "http://127.0.0.1:" + port + "/actuator/health",
                "http://localhost:" + port + "/local/files/../actuator/health", "https://evil.example/report.csv",
                "https://contoso-my.sharepoint.com/personal/x/report.csv")) {
            Activity upload = toConnector(Activities.file("personal", "report.csv", "csv", link));

            assertThat(post("/api/messages", upload).statusCode()).isEqualTo(202);

            StubConnector.Request reply = connector.take(WAIT);
            assertThat(reply.body().path("text").asText()).as(link)
                    .isEqualTo("report.csv: Teams gave no usable link to the file. Send it again, or paste the rows.");
        }
        assertThat(foreignHits).isEmpty();
    }

    @Test
    void aFileConsentWithAnUploadLinkElsewhereIsNeverPut() throws Exception {
        Activity accept = toConnector(Activities.invoke("fileConsent/invoke", Map.of("action", "accept",
                "context", Map.of("csv", "chosen by the sender"),
                "uploadInfo", Map.of("name", "x.csv", "uploadUrl", foreignUrl("/anything"),
                        "contentUrl", foreignUrl("/x.csv"), "uniqueId", "u", "fileType", "csv"))));

        assertThat(post("/api/messages", accept).statusCode()).isEqualTo(200);

        StubConnector.Request reply = connector.take(WAIT);
        assertThat(reply.body().path("text").asText()).startsWith("Teams gave an upload link I do not send files to");
        assertThat(foreignHits).isEmpty();
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
    void aResultPickedFromTheListGetsItsFullCardInTheHttpResponse() throws Exception {
        HttpResponse<String> list = post("/api/messages", toConnector(Activities.invoke("composeExtension/query",
                Map.of("commandId", MessageExtension.SEARCH_COMMAND,
                        "parameters", List.of(Map.of("name", "query", "value", "certificate"))))));
        assertThat(list.body().length()).as("17 previews, not 17 cards").isLessThan(10 * 1024);
        JsonNode tap = JSON.readTree(list.body()).path("composeExtension").path("attachments").get(0)
                .path("preview").path("content").path("tap").path("value");

        HttpResponse<String> picked = post("/api/messages",
                toConnector(Activities.invoke("composeExtension/selectItem", tap)));

        assertThat(picked.statusCode()).isEqualTo(200);
        JsonNode card = JSON.readTree(picked.body()).path("composeExtension").path("attachments").get(0);
        assertThat(card.path("contentType").asText()).isEqualTo("application/vnd.microsoft.card.adaptive");
        assertThat(card.path("content").path("type").asText()).isEqualTo("AdaptiveCard");
        assertThat(card.path("content").toString()).contains(tap.path("microsoftCode").asText());
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
    void aCarouselTooLargeForOneTeamsMessageArrivesAsSeveralInOrder() throws Exception {
        String text = String.join("\n", TeamsRepliesSizeTest.largestPairs());
        Activity message = toConnector(Activities.personal(text));

        assertThat(post("/api/messages", message).statusCode()).isEqualTo(202);

        List<StubConnector.Request> parts = connector.takeUntilQuiet(WAIT, Duration.ofSeconds(2));
        assertThat(parts).hasSizeGreaterThan(1);
        assertThat(parts).allSatisfy(part -> {
            assertThat(part.body().toString().length() * 2).isLessThanOrEqualTo(TeamsReplies.MAX_ACTIVITY_UTF16_BYTES);
            assertThat(part.body().path("replyToId").asText()).isEqualTo(message.getId());
        });
        List<String> cards = parts.stream().flatMap(p -> java.util.stream.StreamSupport.stream(
                p.body().path("attachments").spliterator(), false))
                .map(a -> a.path("content").path("fallbackText").asText()).toList();
        assertThat(cards).as("every card once, in order").hasSize(10)
                .isEqualTo(TeamsRepliesSizeTest.cardTexts(text));
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
