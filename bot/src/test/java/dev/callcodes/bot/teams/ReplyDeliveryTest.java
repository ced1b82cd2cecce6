package dev.callcodes.bot.teams;

import com.microsoft.bot.schema.Activity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Replies through a connector that fails the way Teams' does (down for a while, throttling, 5xx), counted at the
 * connector: every message is answered, and none twice. Counts are asserted, never times: the outage's length is the
 * scenario, and the waits only bound how long the test may take on a loaded machine.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReplyDeliveryTest {

    private static final int MESSAGES = 500;
    private static final Duration OUTAGE = Duration.ofSeconds(10);
    private static final Duration DELIVERY_BOUND = Duration.ofMinutes(4);

    private static StubConnector connector;

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry registry;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startConnector() throws IOException {
        connector = new StubConnector();
    }

    @AfterAll
    static void stopConnector() throws IOException {
        connector.close();
    }

    private CompletableFuture<HttpResponse<String>> message(String conversationId) {
        Activity activity = Activities.personal("510559 403");
        activity.getConversation().setId(conversationId);
        activity.setServiceUrl(connector.serviceUrl());
        try {
            return http.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/messages"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(Activities.JSON.writeValueAsString(activity)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> conversations(String prefix, int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> "a:" + prefix + "-" + i).toList();
    }

    /** Replies each conversation got, for the conversations of one test. */
    private static Map<String, Integer> deliveredTo(List<String> conversations) {
        Map<String, Integer> all = connector.delivered();
        return conversations.stream().collect(Collectors.toMap(c -> c, c -> all.getOrDefault(c, 0)));
    }

    private static String tally(Map<String, Integer> delivered) {
        Map<Integer, Long> byCount = delivered.values().stream()
                .collect(Collectors.groupingBy(n -> n, Collectors.counting()));
        return "answered once: " + byCount.getOrDefault(1, 0L) + ", never: " + byCount.getOrDefault(0, 0L)
                + ", more than once: " + delivered.values().stream().filter(n -> n > 1).count();
    }

    /** Waits until every conversation has a reply, then for a quiet spell in which no second copy arrives. */
    private static Map<String, Integer> awaitEveryReply(List<String> conversations) {
        try {
            await().atMost(DELIVERY_BOUND).pollInterval(Duration.ofMillis(200))
                    .until(() -> deliveredTo(conversations).values().stream().allMatch(n -> n > 0));
            Map<String, Integer> settled = deliveredTo(conversations);
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                    .until(() -> deliveredTo(conversations).equals(settled));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            // reported below with the counts
        }
        Map<String, Integer> delivered = deliveredTo(conversations);
        System.out.println("ReplyDeliveryTest: " + tally(delivered));
        return delivered;
    }

    private static long apologies(List<String> conversations) {
        return connector.requestsSoFar().stream()
                .filter(r -> r.body() != null && r.body().path("text").asText().startsWith("Sorry"))
                .filter(r -> conversations.contains(StubConnector.conversationOf(r.path())))
                .count();
    }

    private double replies(String outcome) {
        Counter counter = registry.find("callcodes.replies").tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void aConnectorDownForTenSecondsLosesNoReplyAndSendsNoneTwice() throws Exception {
        double keptBefore = replies("kept");
        double deliveredLateBefore = replies("delivered_late");
        List<String> before = conversations("outage", 0, 100);
        List<String> during = conversations("outage", 100, 300);
        List<String> after = conversations("outage", 300, MESSAGES);
        List<CompletableFuture<HttpResponse<String>>> posted = new ArrayList<>();

        before.forEach(c -> posted.add(message(c)));
        // Nothing in flight when it goes down, so each reply's fate is decided by the outage alone.
        await().atMost(DELIVERY_BOUND).until(() -> deliveredTo(before).values().stream().allMatch(n -> n > 0));
        connector.down();
        long upAt = System.nanoTime() + OUTAGE.toNanos();
        for (String conversation : during) {
            posted.add(message(conversation));
            Thread.sleep(OUTAGE.toMillis() / during.size() / 2);
        }
        Thread.sleep(Math.max(0, (upAt - System.nanoTime()) / 1_000_000));
        connector.up();
        after.forEach(c -> posted.add(message(c)));

        List<String> all = new ArrayList<>(before);
        all.addAll(during);
        all.addAll(after);
        Map<String, Integer> delivered = awaitEveryReply(all);

        assertThat(delivered.values()).as(tally(delivered)).containsOnly(1);
        assertThat(posted).allSatisfy(f -> assertThat(f.join().statusCode()).isEqualTo(202));
        assertThat(apologies(all)).isZero();
        double kept = replies("kept") - keptBefore;
        System.out.println("ReplyDeliveryTest: replies kept after the in-request retries: " + kept);
        assertThat(kept).as("the outage outlasts the in-request retries").isPositive();
        assertThat(replies("delivered_late") - deliveredLateBefore).isEqualTo(kept);
        assertThat(replies("dropped") + replies("uncertain")).isZero();
    }

    @Test
    void withThirtyPercentOfAttemptsThrottledEveryAnswerIsDelivered() throws Exception {
        List<String> conversations = conversations("throttled", 0, MESSAGES);
        connector.failRandomly(0.3, 429);
        try {
            List<CompletableFuture<HttpResponse<String>>> posted = conversations.stream().map(this::message).toList();
            Map<String, Integer> delivered = awaitEveryReply(conversations);

            assertThat(delivered.values()).as(tally(delivered)).containsOnly(1);
            assertThat(posted).allSatisfy(f -> assertThat(f.join().statusCode()).isEqualTo(202));
            assertThat(apologies(conversations)).isZero();
        } finally {
            connector.failRandomly(0, 200);
        }
    }
}
