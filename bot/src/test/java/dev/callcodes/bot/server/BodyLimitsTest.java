package dev.callcodes.bot.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Every limit on request bodies, over real HTTP: size (declared or streamed) on every endpoint, and time. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "MicrosoftAppId=", "MicrosoftAppPassword=", "CALLCODES_BODY_READ_SECONDS=1",
        "CALLCODES_API_MAX_BODY_BYTES=20000", "CALLCODES_REPORT_MAX_BYTES=60000"})
class BodyLimitsTest {

    @LocalServerPort
    int port;

    @Test
    void aBodyThatTakesLongerThanItsTimeGets408() throws Exception {
        try (SlowClient slow = new SlowClient(port, "/api/explain", 1000)) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (slow.status() == 0 && System.nanoTime() < deadline && slow.drip()) {
                Thread.sleep(200);
            }
            slow.drip();
            assertThat(slow.status()).isEqualTo(408);
            assertThat(slow.body()).isEqualTo(ProblemJson.of(408, "the request body did not arrive within 1"
                    + " seconds: send it at once, or a smaller one", "/api/explain", "body"));
        }
    }

    /** Found trying the jar by hand: a timestamp without a fraction of a second was "not valid JSON". */
    @Test
    void anActivityThatIsJsonButNotReadableNamesItsField() throws Exception {
        String activity = "{\"type\":\"message\",\"id\":\"a\",\"channelId\":\"msteams\",\"text\":\"510559 403\","
                + "\"timestamp\":\"2026-12-03T16:35:00Z\",\"conversation\":{\"id\":\"c\"}}";
        for (String body : List.of(activity, "{\"type\": \"message\", \"text\": ")) {
            HttpResponse<String> refused = SlowClient.HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:"
                            + port + "/api/messages")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(refused.statusCode()).as(body).isEqualTo(400);
            assertThat(SlowClient.JSON.readTree(refused.body())).as(body).isEqualTo(body.equals(activity)
                    ? ProblemJson.of(400, "the field timestamp has a value that cannot be read here", "/api/messages",
                    "timestamp")
                    : ProblemJson.of(400, "the body is not valid JSON", "/api/messages", "body"));
        }
    }

    @Test
    void everyEndpointCountsItsBodyAsItStreams() throws Exception {
        byte[] big = ("{\"text\": \"" + "510559 403 ".repeat(3000) + "\"}").getBytes(StandardCharsets.UTF_8);
        byte[] bigFile = ("Final SIP code\n" + "403\n".repeat(20_000)).getBytes(StandardCharsets.UTF_8);
        for (String path : List.of("/api/explain", "/api/messages", "/api/report", "/local/connector/v3/"
                + "conversations/a/activities")) {
            byte[] body = path.equals("/api/report") ? bigFile : big;
            HttpResponse<String> streamed = SlowClient.HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                            + path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)))
                    .build(), HttpResponse.BodyHandlers.ofString());

            assertThat(streamed.statusCode()).as(path).isEqualTo(413);
            assertThat(streamed.headers().firstValue("Content-Type")).as(path).hasValue("application/problem+json");
            JsonNode expected = ProblemJson.of(413, path.equals("/api/report")
                    ? "This file is larger than 0.1 MB, the most I read. Export a shorter time range, or filter the"
                    + " report to failed calls."
                    : "the request body is over the limit of 20000 bytes: send less text at a time", path, "body");
            assertThat(SlowClient.JSON.readTree(streamed.body())).as(path).isEqualTo(expected);
        }
    }

    @Test
    void aClientThatWaitsFor100ContinueIsServed() throws Exception {
        byte[] file = "Final SIP code,Final Microsoft subcode\n403,510559\n404,511404\n"
                .getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = SlowClient.HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/report")).expectContinue(true).POST(HttpRequest.BodyPublishers.ofByteArray(file))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(SlowClient.JSON.readTree(response.body()).path("summary").path("failedCalls").asInt()).isEqualTo(2);
    }
}
