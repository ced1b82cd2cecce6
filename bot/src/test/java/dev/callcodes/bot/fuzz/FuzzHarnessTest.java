package dev.callcodes.bot.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.callcodes.bot.CallCodesApplication;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fuzz harness: generated inputs over the REST API, the chat (POST /api/messages in local mode, replies
 * captured by the app's own local connector and read back from its feed) and files (uploaded to the local file
 * endpoint and sent as Teams file attachments), against the whole app on an ephemeral port. Every property asserts
 * no 5xx, no body or reply with exception text, and (chat and files) a reply to every turn. Bounded for CI by
 * {@code jqwik.tries.default} (src/test/resources/junit-platform.properties); docs/tests.md gives the longer run and
 * its last result. The count of requests slower than 2 s is printed, not asserted (a shared machine's timings).
 *
 * <p>Long runs of one pattern are part of the input: a token repeated up to 20,000 times, cells of up to 20,000
 * characters, and the shapes that once overflowed the old reader's stack or took quadratic time ("port " + "1," x
 * 1100, a cell of "a.a.a..."). The one-pass intake reads them in linear time ({@code LinearTimeHarness} in benchmarks measures it).
 */
class FuzzHarnessTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern EXCEPTION_TEXT = Pattern.compile(
            "\\b\\w+Exception\\b|StackOverflowError|OutOfMemoryError|Caused by:|\\bat [a-z]+\\.[a-z]+\\.[\\w.$]+\\(|"
                    + "\\b(java|javax|jakarta|com\\.fasterxml|org\\.springframework|com\\.microsoft)\\.[a-z]+\\.");
    private static final List<String> TOKENS = List.of("510559", "403", "560403", "569008", "504", "540487", "487",
            "0", "200", "183", "7106", "500", "3002", "SIP", "SIP/2.0 403 Forbidden", "SIP/2.0 180 Ringing",
            "Final SIP code:", "Final Microsoft subcode:", "CallEndReason", "callEndSubReason", "Reason: Q.850;cause=16",
            "Server: Microsoft.PSTNHub.SIPProxy", "<at>CallCodes</at>", "<a href=\"x\">", "</p>", "<p>", "&amp;",
            "&#x0;", "{", "}", "[", "]", "\"", ":", ",", ";", "\t", "\n", "\r\n", " ", "|", "| --- |", "#", "/", "-",
            "DiagCode: 500#3002", "{\"resultInfo\":{\"code\":500,\"subcode\":7106}}", "\"finalSipCode\":", "null",
            "+4930111", "2026-11-20 09:14", "20/11/2026", "10.0.0.1:5061", "9c0c5f4e-1b2a-4c3d-8e9f-0a1b2c3d4e5f",
            "0x80090328", "Endgültige Microsoft-Untercodierung", "Código SIP final", "\u0001", "\u0000", "\uFEFF",
            "\u2028", "😀", "\uD800", "𝟓𝟏𝟎𝟓𝟓𝟗", "٤٠٣", "explain", "search", "help", "what is", "certificate expired",
            "${x}", "**bold**", "[x](javascript:alert(1))", "560xxx", "5xx", "starts with 560", "503s", "a 404");

    private static ConfigurableApplicationContext app;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final AtomicInteger REQUESTS = new AtomicInteger();
    private static final AtomicInteger SERVER_ERRORS = new AtomicInteger();
    private static final AtomicInteger EXCEPTION_BODIES = new AtomicInteger();
    private static final AtomicInteger UNANSWERED = new AtomicInteger();
    private static final AtomicInteger APOLOGIES = new AtomicInteger();
    private static final AtomicInteger SLOW = new AtomicInteger();
    private static final AtomicLong SLOWEST = new AtomicLong();

    private static synchronized String base() {
        if (app == null) {
            // Arguments, not default properties: application.properties' server.port=${PORT:3978} would win over
            // those, and a fixed port may be another run's.
            app = new SpringApplicationBuilder(CallCodesApplication.class).run("--server.port=0",
                    "--MicrosoftAppId=", "--MicrosoftAppPassword=", "--spring.main.banner-mode=off");
        }
        String port = app.getEnvironment().getProperty("local.server.port");
        assertThat(port).as("an ephemeral port").isNotEqualTo("3978");
        return "http://127.0.0.1:" + port;
    }

    @AfterContainer
    static void stop() {
        System.out.printf("FUZZ: %d requests, %d responses of 5xx, %d bodies with exception text, %d turns without"
                        + " a reply, %d turns answered with the apology, %d requests over 2 s (slowest %d ms)%n",
                REQUESTS.get(), SERVER_ERRORS.get(), EXCEPTION_BODIES.get(), UNANSWERED.get(), APOLOGIES.get(),
                SLOW.get(), SLOWEST.get());
        if (app != null) {
            app.close();
            app = null;
        }
    }

    // ---- generators ---------------------------------------------------------------------------------------------

    /** Text as people paste it and worse: tokens of codes, labels, markup and broken characters, any order. */
    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> tokens = Arbitraries.of(TOKENS).list().ofMaxSize(120).map(list -> String.join("", list));
        Arbitrary<String> spaced = Arbitraries.of(TOKENS).list().ofMaxSize(60).map(list -> String.join(" ", list));
        Arbitrary<String> anything = Arbitraries.strings().all().ofMaxLength(400);
        Arbitrary<String> repeated = Combinators.combine(Arbitraries.of(TOKENS), Arbitraries.integers()
                        .between(1, 20_000)).as((token, times) -> token.repeat(times));
        Arbitrary<String> formerKillers = Combinators.combine(Arbitraries.of("port ", "a.", "1,", "510559 ", "<p>",
                "{\"a\":", "[", "| 403 ", "SIP/2.0 403 ", "\"\"", "&#"), Arbitraries.integers().between(1_000, 20_000),
                Arbitraries.of("", "1,", "403", "\n")).as((head, times, tail) -> head + tail.repeat(times));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, tokens), net.jqwik.api.Tuple.of(3, spaced),
                net.jqwik.api.Tuple.of(2, anything), net.jqwik.api.Tuple.of(1, repeated),
                net.jqwik.api.Tuple.of(1, formerKillers),
                net.jqwik.api.Tuple.of(2, rows()));
    }

    /** A table: a header from the columns exports use, rows of codes and noise, any delimiter. */
    private Arbitrary<String> rows() {
        Arbitrary<String> cell = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, Arbitraries.of(TOKENS)),
                net.jqwik.api.Tuple.of(4, Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(200)),
                net.jqwik.api.Tuple.of(4, Arbitraries.integers().between(0, 999_999).map(String::valueOf)),
                net.jqwik.api.Tuple.of(1, Combinators.combine(Arbitraries.of("a.", "1", "\"", " ", "40"),
                        Arbitraries.integers().between(1, 10_000)).as(String::repeat)));
        Arbitrary<String> delimiter = Arbitraries.of(",", "\t", ";", "|");
        return Combinators.combine(delimiter, cell.list().ofMinSize(1).ofMaxSize(8).list().ofMaxSize(40))
                .as((d, table) -> "Start time" + d + "Final SIP code" + d + "Final Microsoft subcode" + d
                        + "SBC FQDN\n" + String.join("\n", table.stream().map(row -> String.join(d, row)).toList()));
    }

    /** A file's bytes: text, its zip, a zip cut anywhere, or noise. */
    @Provide
    Arbitrary<byte[]> files() {
        Arbitrary<byte[]> text = texts().map(s -> s.getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> zipped = Combinators.combine(texts(), Arbitraries.of("report.csv", "a.json", "x.bin",
                "inner.zip", "Bericht März.csv", "dir/")).as(FuzzHarnessTest::zip);
        Arbitrary<byte[]> cut = Combinators.combine(zipped, Arbitraries.doubles().between(0, 1))
                .as((zip, at) -> Arrays.copyOf(zip, (int) (zip.length * at)));
        Arbitrary<byte[]> noise = Arbitraries.bytes().array(byte[].class).ofMaxSize(2000);
        Arbitrary<byte[]> utf16 = texts().map(s -> ("\uFEFF" + s).getBytes(StandardCharsets.UTF_16LE));
        return Arbitraries.oneOf(text, zipped, cut, noise, utf16);
    }

    private static byte[] zip(String content, String name) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, name.contains("ä")
                ? java.nio.charset.Charset.forName("IBM437") : StandardCharsets.UTF_8)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    @Provide
    Arbitrary<String> accepts() {
        return Arbitraries.of("", "application/json", "text/csv", "text/html", "*/*", "image/png", "text/csv;q=0.9",
                "application/xml, text/plain");
    }

    @Provide
    Arbitrary<String> contentTypes() {
        return Arbitraries.of("application/json", "application/json; charset=utf-8", "text/plain", "",
                "application/json; charset=nonsense", "multipart/form-data; boundary=x", "text/csv");
    }

    // ---- properties ---------------------------------------------------------------------------------------------

    @Property
    void restExplainNeverFailsOnItsSide(@ForAll("texts") String text, @ForAll("accepts") String accept,
                                        @ForAll boolean wellFormed, @ForAll("contentTypes") String type)
            throws Exception {
        byte[] body = wellFormed ? JSON.writeValueAsBytes(JSON.createObjectNode().put("text", text))
                : text.getBytes(StandardCharsets.UTF_8);
        check(send("POST", "/api/explain", wellFormed ? "application/json" : type, accept, body));
    }

    @Property
    void restReportNeverFailsOnItsSide(@ForAll("files") byte[] file, @ForAll("accepts") String accept)
            throws Exception {
        check(send("POST", "/api/report", "application/octet-stream", accept, file));
    }

    @Property
    void restSearchNeverFailsOnItsSide(@ForAll("texts") String query, @ForAll("accepts") String accept,
                                       @ForAll("limits") String limit) throws Exception {
        String path = "/api/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8)
                + (limit.isEmpty() ? "" : "&limit=" + URLEncoder.encode(limit, StandardCharsets.UTF_8));
        check(send("GET", path, null, accept, null));
    }

    @Provide
    Arbitrary<String> limits() {
        return Arbitraries.oneOf(Arbitraries.of("", "0", "1", "100", "101", "-1", "ten", "1e3", "99999999999"),
                Arbitraries.integers().between(-5, 200).map(String::valueOf));
    }

    /** Every message is answered: with cards, the help card, or a short message. */
    @Property
    void everyChatMessageGetsAReply(@ForAll("texts") String text, @ForAll boolean asCardPress) throws Exception {
        String conversation = "fuzz:" + UUID.randomUUID();
        ObjectNode activity = activity(conversation);
        if (asCardPress) {
            activity.putObject("value").put("verb", "explain").put("text", text);
            activity.put("replyToId", "no-such-card");
        } else {
            activity.put("text", text).put("textFormat", "plain");
        }
        HttpResponse<String> posted = send("POST", "/api/messages", "application/json", null,
                JSON.writeValueAsBytes(activity));
        check(posted);
        assertThat(posted.statusCode()).isEqualTo(202);
        awaitReply(conversation);
    }

    /** Every file sent in the chat is answered, whatever it holds. */
    @Property
    void everyFileSentInTheChatGetsAReply(@ForAll("files") byte[] file,
                                          @ForAll("fileNames") String name) throws Exception {
        if (file.length == 0) {
            file = new byte[] {'\n'};
        }
        HttpResponse<String> stored = send("POST", "/local/files?name=" + URLEncoder.encode(name,
                StandardCharsets.UTF_8), "application/octet-stream", null, file);
        check(stored);
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(201);
        JsonNode link = JSON.readTree(stored.body());
        String conversation = "fuzz:" + UUID.randomUUID();
        ObjectNode activity = activity(conversation).put("text", "");
        ObjectNode attachment = activity.putArray("attachments").addObject()
                .put("contentType", "application/vnd.microsoft.teams.file.download.info")
                .put("name", name).put("contentUrl", link.path("downloadUrl").asText());
        attachment.putObject("content").put("downloadUrl", link.path("downloadUrl").asText())
                .put("uniqueId", link.path("uniqueId").asText()).put("fileType", link.path("fileType").asText());
        HttpResponse<String> posted = send("POST", "/api/messages", "application/json", null,
                JSON.writeValueAsBytes(activity));
        check(posted);
        awaitReply(conversation);
    }

    @Provide
    Arbitrary<String> fileNames() {
        return Arbitraries.of("DirectRoutingReport.csv", "export.zip", "calls.json", "rows.tsv", "notes.txt",
                "photo.png", "no-extension", "Bericht März.csv", "a\u0001b.csv", "..\\..\\x.csv");
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private ObjectNode activity(String conversation) {
        ObjectNode activity = JSON.createObjectNode();
        activity.put("type", "message").put("id", "fuzz-" + UUID.randomUUID()).put("channelId", "msteams")
                .put("serviceUrl", base() + "/local/connector/").put("locale", "en-US");
        activity.putObject("from").put("id", "fuzz-user").put("name", "Fuzz");
        activity.putObject("recipient").put("id", "callcodes-bot").put("name", "CallCodes");
        activity.putObject("conversation").put("id", conversation).put("conversationType", "personal");
        return activity;
    }

    /** The bot's reply to the conversation, from the local connector's feed; counted as unanswered if none comes. */
    private void awaitReply(String conversation) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> feed = send("GET", "/local/chat/" + URLEncoder.encode(conversation,
                    StandardCharsets.UTF_8).replace("+", "%20") + "/activities?after=0", null, null, null);
            check(feed);
            JsonNode activities = JSON.readTree(feed.body()).path("activities");
            for (JsonNode entry : activities) {
                JsonNode reply = entry.path("activity");
                if ("message".equals(reply.path("type").asText())) {
                    if (reply.path("text").asText().startsWith("Sorry, something went wrong on my side")) {
                        // A reply, but the turn failed: the bot caught an exception.
                        APOLOGIES.incrementAndGet();
                        throw new AssertionError("the turn failed: " + reply.path("text").asText());
                    }
                    return;
                }
            }
            Thread.sleep(50);
        }
        UNANSWERED.incrementAndGet();
        throw new AssertionError("no reply in conversation " + conversation);
    }

    private HttpResponse<String> send(String method, String path, String contentType, String accept, byte[] body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(60));
        if (contentType != null && !contentType.isEmpty()) {
            request.header("Content-Type", contentType);
        }
        if (accept != null && !accept.isEmpty()) {
            request.header("Accept", accept);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body));
        long start = System.nanoTime();
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        long millis = (System.nanoTime() - start) / 1_000_000;
        REQUESTS.incrementAndGet();
        SLOWEST.accumulateAndGet(millis, Math::max);
        if (millis > 2000) {
            SLOW.incrementAndGet();
        }
        return response;
    }

    private static void check(HttpResponse<String> response) {
        if (response.statusCode() >= 500) {
            SERVER_ERRORS.incrementAndGet();
        }
        if (EXCEPTION_TEXT.matcher(response.body()).find()) {
            EXCEPTION_BODIES.incrementAndGet();
        }
        assertThat(response.statusCode()).as("%s %s", response.request().uri(), response.body()).isLessThan(500);
        assertThat(response.body()).as("%s", response.request().uri()).doesNotContainPattern(EXCEPTION_TEXT);
    }
}
