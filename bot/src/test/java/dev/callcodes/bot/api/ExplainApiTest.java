package dev.callcodes.bot.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.callcodes.bot.cli.CommandLine;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The REST API over real HTTP: the CLI's JSON, and a JSON error naming the field for every bad request. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"CALLCODES_API_MAX_BODY_BYTES=20000", "CALLCODES_REPORT_MAX_BYTES=50000"})
class ExplainApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASTE = """
            Start time,Caller,Callee,Final SIP code,Final Microsoft subcode,Final SIP phrase
            2026-11-20 09:14,+4930111,+4930222,403,510559,Get Outbound routing - No viable path (Forbidden)
            2026-11-20 09:20,+4930111,+4930333,504,569008,"Unable to deliver INVITE: Outgoing TLS negotiation failed"
            2026-11-20 09:31,+4930444,+4930222,403,510559,Get Outbound routing - No viable path (Forbidden)
            """;

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> post(String contentType, HttpRequest.BodyPublisher body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/explain"))
                .header("Content-Type", contentType).POST(body).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> explain(String json) throws Exception {
        return post("application/json", HttpRequest.BodyPublishers.ofString(json));
    }

    private HttpResponse<String> search(String query) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/search" + query))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = CommandLine.run(args, new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()));
        assertThat(exit).isZero();
        try {
            return JSON.readTree(out.toString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void explainGivesTheSameJsonAsTheCommandLine() throws Exception {
        HttpResponse<String> response = explain(JSON.writeValueAsString(java.util.Map.of("text", PASTE)));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/json"));
        JsonNode body = JSON.readTree(response.body());
        assertThat(body).isEqualTo(cli("explain", "--json", PASTE));
        assertThat(body.path("answers")).hasSize(2);
        assertThat(body.path("answers").get(0).path("occurrences").asInt()).isEqualTo(2);
        JsonNode summary = body.path("summary");
        assertThat(summary.path("rowsRead").asInt()).isEqualTo(3);
        assertThat(summary.path("failedCalls").asInt()).isEqualTo(3);
        assertThat(summary.path("pairs").get(0).path("count").asInt()).isEqualTo(2);
        assertThat(summary.path("timeRange").path("first").asText()).isEqualTo("2026-11-20T09:14:00Z");
    }

    @Test
    void aSingleQuestionHasNoSummary() throws Exception {
        JsonNode body = JSON.readTree(explain("{\"text\": \"what is 510559 403\"}").body());
        assertThat(body.has("summary")).isFalse();
        assertThat(body.path("answers")).hasSize(1);
    }

    private HttpResponse<String> report(byte[] file, String accept) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/report"))
                .header("Content-Type", "text/csv").header("Accept", accept)
                .POST(HttpRequest.BodyPublishers.ofByteArray(file)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aReportFileGetsTheSameJsonAsTheCommandLineAndItsBreakdownAsCsv() throws Exception {
        byte[] file = PASTE.getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> json = report(file, "application/json");
        HttpResponse<String> csv = report(file, "text/csv");

        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(json.body())).isEqualTo(cli("explain", "--json", PASTE));
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/csv"));
        assertThat(csv.body()).startsWith("Microsoft code,SIP code,Failed calls,Share of failed calls,Originator,"
                + "Phrase,Example correlation ID\r\n510559,403,2,66.7%,MICROSOFT,");
    }

    @Test
    void aReportOverItsLimitOrWithoutATableIsRefusedWithAReason() throws Exception {
        HttpResponse<String> binary = report(new byte[] {'P', 'K', 3, 4, 0, 0, 0}, "application/json");
        HttpResponse<String> prose = report("no table here".getBytes(StandardCharsets.UTF_8), "application/json");
        HttpResponse<String> huge = report(("Final SIP code\n" + "403\n".repeat(20_000))
                .getBytes(StandardCharsets.UTF_8), "application/json");

        assertThat(binary.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(binary.body()).path("error").asText()).contains(".zip");
        assertThat(prose.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(prose.body()).path("field").asText()).isEqualTo("body");
        assertThat(huge.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(huge.body()).path("error").asText()).startsWith("This file is larger than");
    }

    @Test
    void searchGivesTheSameJsonAsTheCommandLine() throws Exception {
        HttpResponse<String> response = search("?q=" + URLEncoder.encode("certifcate expird", StandardCharsets.UTF_8)
                + "&limit=3");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body).isEqualTo(cli("search", "--json", "--limit", "3", "certifcate expird"));
        assertThat(body.path("results").get(0).path("id").asText()).isEqualTo("dr-569008-504");
    }

    @Test
    void badExplainRequestsGet400WithTheFieldNamed() throws Exception {
        for (String bad : List.of("{}", "{\"text\": null}", "{\"text\": 403}", "{\"text\": \"  \"}", "[1]",
                "{\"txt\": \"510559 403\"}")) {
            HttpResponse<String> response = explain(bad);
            assertThat(response.statusCode()).as(bad).isEqualTo(400);
            JsonNode error = JSON.readTree(response.body());
            assertThat(error.path("field").asText()).as(bad).isEqualTo("text");
            assertThat(error.path("error").asText()).as(bad).contains("text");
        }
    }

    @Test
    void malformedJsonAndWrongMediaTypeGetShortJsonErrors() throws Exception {
        HttpResponse<String> malformed = explain("{\"text\": \"510559 403\"");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(malformed.body()).path("error").asText()).startsWith("the body is not valid JSON");

        HttpResponse<String> plain = post("text/plain", HttpRequest.BodyPublishers.ofString("510559 403"));
        assertThat(plain.statusCode()).isEqualTo(415);
        assertThat(JSON.readTree(plain.body()).path("error").asText()).contains("Content-Type: application/json");
    }

    @Test
    void bodiesOverTheLimitGet413WhetherDeclaredOrStreamed() throws Exception {
        String big = JSON.writeValueAsString(java.util.Map.of("text", "510559 403 ".repeat(3000)));

        HttpResponse<String> declared = explain(big);
        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(declared.body()).path("error").asText()).contains("20000 bytes");

        byte[] bytes = big.getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> streamed = post("application/json", HttpRequest.BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream(bytes)));
        assertThat(streamed.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(streamed.body()).path("status").asInt()).isEqualTo(413);
    }

    @Test
    void badSearchRequestsGet400WithTheParameterNamed() throws Exception {
        for (String query : List.of("", "?q=", "?q=%20%20", "?q=sbc&limit=0", "?q=sbc&limit=101", "?q=sbc&limit=ten")) {
            HttpResponse<String> response = search(query);
            assertThat(response.statusCode()).as(query).isEqualTo(400);
            String field = JSON.readTree(response.body()).path("field").asText();
            assertThat(field).as(query).isEqualTo(query.contains("limit") ? "limit" : "q");
        }
    }
}
