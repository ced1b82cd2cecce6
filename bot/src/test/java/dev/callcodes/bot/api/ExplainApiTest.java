package dev.callcodes.bot.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.callcodes.bot.chat.Failures;
import dev.callcodes.bot.cli.CommandLine;
import dev.callcodes.bot.server.ProblemJson;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The REST API over real HTTP: the CLI's JSON, and an RFC 9457 problem naming the field for every bad request. */
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
        assertThat(JSON.readTree(binary.body())).isEqualTo(ProblemJson.of(400, "This .zip file is damaged: it ends"
                + " inside an entry's header. Export the report again, or send the CSV itself.", "/api/report", "body"));
        assertThat(prose.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(prose.body())).isEqualTo(ProblemJson.of(400, "no table of calls or call records"
                + " found: send the admin center's Direct Routing export, a Graph getDirectRoutingCalls response or ACS"
                + " call logs", "/api/report", "body"));
        assertThat(huge.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(huge.body())).isEqualTo(ProblemJson.of(413, "This file is larger than 0.0 MB, the"
                + " most I read. Export a shorter time range, or filter the report to failed calls.", "/api/report",
                "body"));
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
        String missing = "the field 'text' is missing: send {\"text\": \"510559 403\"}";
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("{}", missing);
        cases.put("{\"text\": null}", missing);
        cases.put("{\"txt\": \"510559 403\"}", missing);
        cases.put("{\"text\": 403}", "the field 'text' must be a string, not number");
        cases.put("{\"text\": \"  \"}", "the field 'text' is empty: give the codes or rows to explain");
        cases.put("[1]", "send a JSON object: {\"text\": \"510559 403\"}");
        for (Map.Entry<String, String> bad : cases.entrySet()) {
            HttpResponse<String> response = explain(bad.getKey());
            assertThat(response.statusCode()).as(bad.getKey()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).as(bad.getKey())
                    .hasValue("application/problem+json");
            assertThat(JSON.readTree(response.body())).as(bad.getKey())
                    .isEqualTo(ProblemJson.of(400, bad.getValue(), "/api/explain", "text"));
        }
    }

    @Test
    void malformedJsonAndWrongMediaTypeGetShortJsonErrors() throws Exception {
        HttpResponse<String> malformed = explain("{\"text\": \"510559 403\"");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(malformed.body())).isEqualTo(ProblemJson.of(400, "the body is not valid JSON: send"
                + " {\"text\": \"510559 403\"}", "/api/explain", "body"));

        HttpResponse<String> plain = post("text/plain", HttpRequest.BodyPublishers.ofString("510559 403"));
        assertThat(plain.statusCode()).isEqualTo(415);
        assertThat(JSON.readTree(plain.body())).isEqualTo(ProblemJson.of(415, "send JSON with the header"
                + " Content-Type: application/json", "/api/explain", null));
    }

    @Test
    void bodiesOverTheLimitGet413WhetherDeclaredOrStreamed() throws Exception {
        String big = JSON.writeValueAsString(java.util.Map.of("text", "510559 403 ".repeat(3000)));

        JsonNode tooLarge = ProblemJson.of(413, "the request body is over the limit of 20000 bytes: send less text"
                + " at a time", "/api/explain", "body");

        HttpResponse<String> declared = explain(big);
        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(declared.body())).isEqualTo(tooLarge);

        byte[] bytes = big.getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> streamed = post("application/json", HttpRequest.BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream(bytes)));
        assertThat(streamed.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(streamed.body())).isEqualTo(tooLarge);
    }

    @Test
    void badSearchRequestsGet400WithTheParameterNamed() throws Exception {
        for (String query : List.of("", "?q=", "?q=%20%20", "?q=sbc&limit=0", "?q=sbc&limit=101", "?q=sbc&limit=ten")) {
            HttpResponse<String> response = search(query);
            assertThat(response.statusCode()).as(query).isEqualTo(400);
            JsonNode expected = query.contains("limit")
                    ? ProblemJson.of(400, "the parameter 'limit' must be a whole number from 1 to 100, not '"
                    + query.substring(query.indexOf("limit=") + 6) + "'", "/api/search", "limit")
                    : ProblemJson.of(400, "the parameter 'q' is missing or empty: /api/search?q=certificate",
                    "/api/search", "q");
            assertThat(JSON.readTree(response.body())).as(query).isEqualTo(expected);
        }
    }

    private HttpResponse<String> send(String method, String path, String contentType, String accept, byte[] body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (accept != null) {
            request.header("Accept", accept);
        }
        return http.send(request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] zip(java.nio.charset.Charset names, String name, String content) throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes, names)) {
            zip.putNextEntry(new java.util.zip.ZipEntry(name));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    /**
     * The probe's 500s, each sent with every kind of Accept header. Before: /api/report with Accept: text/csv
     * answered 500 to every refusal; a JSON paste or file with a raw control character or cut off, a truncated zip
     * and a zip with DOS code page names answered 500; a bad /api/messages body with Accept: text/csv answered 400
     * with an empty body.
     */
    @Test
    void everyBadInputGetsA4xxWithAJsonBodyWhateverTheAcceptHeader() throws Exception {
        String graph = "{\"value\":[{\"finalSipCode\":403,\"callEndSubReason\":510559,\"finalSipCodePhrase\":\"a";
        byte[] truncatedZip = java.util.Arrays.copyOf(zip(StandardCharsets.UTF_8, "r.csv", PASTE.repeat(50)), 300);
        record Case(String method, String path, String type, byte[] body, int status) {
        }
        List<Case> cases = List.of(
                new Case("POST", "/api/report", "text/csv", "no table here".getBytes(StandardCharsets.UTF_8), 400),
                new Case("POST", "/api/report", null, new byte[] {'P', 'K', 3, 4, 0, 0, 0}, 400),
                new Case("POST", "/api/report", null, truncatedZip, 400),
                new Case("POST", "/api/report", null, ("Final SIP code\n" + "403\n".repeat(20_000))
                        .getBytes(StandardCharsets.UTF_8), 413),
                new Case("POST", "/api/report", null, (graph + "\u0001b\"}]}").getBytes(StandardCharsets.UTF_8), 0),
                new Case("POST", "/api/report", null, graph.getBytes(StandardCharsets.UTF_8), 0),
                new Case("POST", "/api/explain", "application/json", JSON.writeValueAsBytes(java.util.Map.of("text",
                        graph + "\u0001b\"}]}")), 0),
                new Case("POST", "/api/explain", "application/json", JSON.writeValueAsBytes(java.util.Map.of("text",
                        graph)), 0),
                new Case("POST", "/api/explain", "application/json", "{\"text\": \"510559\u0001\"}"
                        .getBytes(StandardCharsets.UTF_8), 400),
                new Case("POST", "/api/explain", "application/json", "{\"text\": ".getBytes(StandardCharsets.UTF_8),
                        400),
                new Case("POST", "/api/explain", "text/plain", "510559 403".getBytes(StandardCharsets.UTF_8), 415),
                new Case("POST", "/api/explain", "application/json", new byte[30_000], 413),
                new Case("GET", "/api/search?limit=5", null, null, 400),
                new Case("GET", "/api/explain", null, null, 405),
                new Case("GET", "/api/nothing-here", null, null, 404),
                new Case("POST", "/api/messages", "application/json", "{\"type\":".getBytes(StandardCharsets.UTF_8),
                        400),
                new Case("POST", "/api/messages", "application/xml", "<activity/>".getBytes(StandardCharsets.UTF_8),
                        415));
        for (Case c : cases) {
            for (String accept : java.util.Arrays.asList(null, "application/json", "text/csv", "text/html", "*/*",
                    "image/png")) {
                String what = c.method() + " " + c.path() + " " + (c.body() == null ? "" : new String(c.body(), 0,
                        Math.min(40, c.body().length), StandardCharsets.ISO_8859_1)) + " Accept: " + accept;
                HttpResponse<String> response;
                try {
                    response = send(c.method(), c.path(), c.type(), accept, c.body());
                } catch (java.io.IOException e) {
                    throw new AssertionError(what, e);
                }
                // 0: a cut-off or control-character JSON, which the intake will read up to the break (200).
                if (c.status() == 0) {
                    assertThat(response.statusCode()).as(what).isIn(200, 400);
                } else {
                    assertThat(response.statusCode()).as(what).isEqualTo(c.status());
                }
                if (response.statusCode() == 200 && c.path().equals("/api/report") && "text/csv".equals(accept)) {
                    // Read up to the break: the breakdown the caller asked for.
                    assertThat(response.headers().firstValue("Content-Type")).as(what)
                            .hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
                    assertThat(response.body()).as(what).startsWith("Microsoft code,SIP code,Failed calls");
                    continue;
                }
                JsonNode body = JSON.readTree(response.body());
                if (response.statusCode() == 200) {
                    assertThat(response.headers().firstValue("Content-Type")).as(what)
                            .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
                    assertThat(body.has("kind")).as(what).isTrue();
                } else {
                    assertThat(response.headers().firstValue("Content-Type")).as(what)
                            .hasValue("application/problem+json");
                    // A refusal may leave the body unread: the client must not reuse the connection.
                    assertThat(response.headers().firstValue("Connection")).as(what).hasValue("close");
                    // The problem, whole: its status, a short detail, the path, and the field when there is one.
                    ObjectNode expected = (ObjectNode) ProblemJson.of(response.statusCode(),
                            body.path("detail").asText(), c.path().replaceAll("\\?.*", ""), null);
                    if (body.has("field")) {
                        expected.put("field", body.path("field").asText());
                        assertThat(body.path("field").asText()).as(what).isIn("body", "text", "q");
                    }
                    assertThat(body).as(what).isEqualTo(expected);
                    assertThat(body.path("detail").asText().length()).as(what).isBetween(10, 300);
                }
                assertThat(response.body()).as(what).doesNotContain("Exception").doesNotContain("\tat ");
            }
        }
    }

    /** Windows' built-in zip writes entry names in the DOS code page: before, a 500. */
    @Test
    void aZipWithDosCodePageNamesIsRead() throws Exception {
        byte[] file = zip(java.nio.charset.Charset.forName("IBM437"), "Bericht März.csv", PASTE);

        HttpResponse<String> response = send("POST", "/api/report", null, "text/csv", file);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("Microsoft code,SIP code,Failed calls");
    }

    /** An input that overflows the reader's stack (until the intake's linear reader lands) is a failure, apologised. */
    @Test
    void aStackOverflowIsAnsweredWithTheApologyAndAReference() throws Exception {
        HttpResponse<String> response = explain(JSON.writeValueAsString(java.util.Map.of("text", "port "
                + "1,".repeat(1100))));

        if (response.statusCode() != 200) {
            assertThat(response.statusCode()).isEqualTo(500);
            JsonNode body = JSON.readTree(response.body());
            String reference = body.path("reference").asText();
            assertThat(reference).matches("[0-9a-f]{8}");
            ObjectNode expected = (ObjectNode) ProblemJson.of(500, Failures.apology(reference), "/api/explain", null);
            expected.put("reference", reference);
            assertThat(body).isEqualTo(expected);
            assertThat(response.body()).doesNotContain("StackOverflow");
        }
    }
}
