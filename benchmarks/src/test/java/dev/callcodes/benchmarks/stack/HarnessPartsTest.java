package dev.callcodes.benchmarks.stack;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The harness's own parts, so that a number it prints counts what it says it counts. */
class HarnessPartsTest {

    @Test
    void readsContentLengthAndChunkedBodiesOnOneKeepAliveConnection() throws IOException {
        InputStream in = new ByteArrayInputStream(("HTTP/1.1 202 Accepted\r\nContent-Length: 0\r\n\r\n"
                + "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\n"
                + "5\r\n{\"a\":\r\n4;ext=1\r\n1234\r\n0\r\n\r\n"
                + "HTTP/1.1 200 OK\r\ncontent-length: 2\r\nConnection: close\r\n\r\n{}")
                .getBytes(StandardCharsets.US_ASCII));

        Http1.Head accepted = Http1.readHead(in);
        assertThat(accepted.status()).isEqualTo(202);
        assertThat(Http1.skipBody(in, accepted)).isZero();
        Http1.Head chunked = Http1.readHead(in);
        assertThat(chunked.chunked()).isTrue();
        assertThat(Http1.readBody(in, chunked)).isEqualTo("{\"a\":1234");
        Http1.Head last = Http1.readHead(in);
        assertThat(last.close()).isTrue();
        assertThat(Http1.skipBody(in, last)).isEqualTo(2);
        assertThat(Http1.readHead(in)).isNull();
    }

    @Test
    void requestHeadsNameMethodAndTarget() throws IOException {
        byte[] request = Http1.request("POST", "127.0.0.1:1", "/v3/conversations/a%3Ax/activities/1",
                "application/json", "{}".getBytes(StandardCharsets.UTF_8));
        Http1.Head head = Http1.readHead(new ByteArrayInputStream(request));

        assertThat(head.method()).isEqualTo("POST");
        assertThat(head.target()).isEqualTo("/v3/conversations/a%3Ax/activities/1");
        assertThat(head.contentLength()).isEqualTo(2);
    }

    /** The bot answers an activity id once, so a request the generator repeats must carry a new id each time. */
    @Test
    void aRepeatedActivityIsNumberedAnewAndKeepsItsLength() throws IOException {
        byte[] request = Http1.request("POST", "127.0.0.1:1", "/api/messages", "application/json",
                Activities.message("http://127.0.0.1:2/", "a:x", Activities.QUESTION));
        int slot = Activities.sequenceSlot(request);
        assertThat(slot).isPositive();

        Activities.number(request, slot);
        String first = new String(request, StandardCharsets.UTF_8);
        Activities.number(request, slot);
        String second = new String(request, StandardCharsets.UTF_8);

        assertThat(first).hasSameSizeAs(second).isNotEqualTo(second);
        assertThat(idOf(first)).matches("bench-[0-9a-z]+-\\d{12}");
        assertThat(Long.parseLong(idOf(second).substring(idOf(second).length() - 12)))
                .isEqualTo(Long.parseLong(idOf(first).substring(idOf(first).length() - 12)) + 1);
        Http1.Head head = Http1.readHead(new ByteArrayInputStream(request));
        assertThat(head.contentLength()).isEqualTo(request.length - second.indexOf("\r\n\r\n") - 4);
        assertThat(Activities.sequenceSlot(Activities.explainRequest("x"))).isEqualTo(-1);
    }

    private static String idOf(String request) {
        int at = request.indexOf("\"id\":\"bench-") + 6;
        return request.substring(at, request.indexOf('"', at));
    }

    @Test
    void theStubCountsEveryReplyTheGeneratorDelivers() throws Exception {
        try (StubConnector stub = new StubConnector(0)) {
            List<byte[]> requests = replies(stub, 4);
            long[] marks = new long[2];

            LoadGenerator.Window window = new LoadGenerator(stub.port(), requests, 200).run(Duration.ofMillis(100),
                    Duration.ofMillis(300), () -> marks[0] = stub.replies(), () -> marks[1] = stub.replies());

            assertThat(window.errors()).isZero();
            assertThat(window.ok()).isPositive();
            assertThat(stub.replies()).isEqualTo(window.totalOk());
            // the generator counts requests sent and answered inside the window; the stub also counts those in
            // flight at either edge: at most one per connection at each
            assertThat(marks[1] - marks[0]).isBetween(window.ok(), window.ok() + 2 * 4);
            assertThat(window.latencyNanos()).hasSize((int) window.ok());
            assertThat(stub.firstReplyNanos()).isPositive();
        }
    }

    @Test
    void aSlowStubHoldsEveryReplyForItsDelay() throws Exception {
        try (StubConnector stub = new StubConnector(100)) {
            LoadGenerator.Window window = new LoadGenerator(stub.port(), replies(stub, 2), 200)
                    .run(Duration.ZERO, Duration.ofMillis(500), () -> { }, () -> { });

            assertThat(window.ok()).isPositive();
            assertThat(window.percentileMillis(0.1)).isGreaterThanOrEqualTo(100);
        }
    }

    @Test
    void aWrongStatusIsAnErrorWithTheBodyShown() throws Exception {
        try (StubConnector stub = new StubConnector(0)) {
            LoadGenerator.Window window = new LoadGenerator(stub.port(), replies(stub, 1), 202)
                    .run(Duration.ZERO, Duration.ofMillis(200), () -> { }, () -> { });

            assertThat(window.ok()).isZero();
            assertThat(window.errors()).isPositive();
            assertThat(window.firstError()).isEqualTo("HTTP 200 {\"id\":\"stub-1\"}");
        }
    }

    private static List<byte[]> replies(StubConnector stub, int connections) {
        List<byte[]> requests = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            requests.add(Http1.request("POST", "127.0.0.1:" + stub.port(), "/v3/conversations/a%3Ab-" + i
                    + "/activities/x", "application/json",
                    Activities.message(stub.serviceUrl(), "a:b-" + i, Activities.QUESTION)));
        }
        return requests;
    }
}
