package dev.callcodes.bot.teams;

import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The in-request retries over real HTTP against the stub connector, with the waits recorded instead of slept. */
class ReplyRetryStrategyTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final List<Long> sleeps = new CopyOnWriteArrayList<>();
    private final ReplyRetryStrategy strategy = new ReplyRetryStrategy(3, sleeps::add);
    private final OkHttpClient client = strategy.installOn(new OkHttpClient.Builder()).build();
    private StubConnector connector;

    @BeforeEach
    void start() throws IOException {
        connector = new StubConnector();
    }

    @AfterEach
    void stop() throws IOException {
        connector.close();
    }

    private Response reply(String serviceUrl) throws IOException {
        return client.newCall(new Request.Builder().url(serviceUrl + "v3/conversations/a:c/activities/1")
                .post(RequestBody.create(MediaType.get("application/json"), "{\"type\":\"message\"}"))
                .build()).execute();
    }

    @Test
    void throttlingAndServerErrorsAreRetriedUntilTheConnectorTakesTheReply() throws Exception {
        connector.failNext(429, 502, 500);

        try (Response response = reply(connector.serviceUrl())) {
            assertThat(response.code()).isEqualTo(200);
        }
        assertThat(connector.take(4, WAIT)).hasSize(4);
        assertThat(sleeps).hasSize(3);
        assertThat(connector.idle(Duration.ofMillis(200))).isTrue();
    }

    /** OkHttp repeats a 503 that says Retry-After: 0 once by itself: the server asked, nothing can be doubled. */
    @Test
    void aServiceUnavailableIsRetriedToo() throws Exception {
        connector.failNext(503, 503);

        try (Response response = reply(connector.serviceUrl())) {
            assertThat(response.code()).isEqualTo(200);
        }
        assertThat(connector.take(3, WAIT)).hasSize(3);
        assertThat(sleeps).hasSize(1);
    }

    @Test
    void retriesStopAtTheLimitAndTheLastAnswerIsReturned() throws Exception {
        connector.failNext(502, 504, 412, 429, 429);

        try (Response response = reply(connector.serviceUrl())) {
            assertThat(response.code()).isEqualTo(429);
        }
        assertThat(connector.take(4, WAIT)).hasSize(4);
        assertThat(sleeps).hasSize(3);
    }

    @Test
    void refusalsOfTheConnectorAreNotRetried() throws Exception {
        connector.failNext(400);

        try (Response response = reply(connector.serviceUrl())) {
            assertThat(response.code()).isEqualTo(400);
        }
        assertThat(sleeps).isEmpty();
    }

    @Test
    void aRefusedConnectionIsRetriedWithBackoff() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        assertThatThrownBy(() -> reply("http://127.0.0.1:" + closedPort + "/"))
                .isInstanceOf(ConnectException.class);
        assertThat(sleeps).hasSize(3);
    }

    @Test
    void aConnectionLostAfterTheWholeReplyWasSentIsNeverRetried() throws Exception {
        connector.failNext(StubConnector.DROP);

        assertThatThrownBy(() -> reply(connector.serviceUrl())).isInstanceOf(PossiblyDeliveredException.class);
        assertThat(connector.take(WAIT).path()).endsWith("/activities/1");
        assertThat(connector.idle(Duration.ofMillis(500))).as("sent once only").isTrue();
        assertThat(sleeps).isEmpty();
    }

    @Test
    void aRetryAfterLongerThanATurnShouldWaitIsLeftToTheKeptReplies() throws Exception {
        ReplyRetryStrategy patient = new ReplyRetryStrategy(3, sleeps::add);
        OkHttpClient http = patient.installOn(new OkHttpClient.Builder()).addInterceptor(chain -> {
            Response response = chain.proceed(chain.request());
            return response.code() == 429 ? response.newBuilder().header("Retry-After", "120").build() : response;
        }).build();
        connector.failNext(429);

        try (Response response = http.newCall(new Request.Builder().url(connector.serviceUrl() + "v3/x")
                .post(RequestBody.create(MediaType.get("application/json"), "{}")).build()).execute()) {
            assertThat(response.code()).isEqualTo(429);
        }
        assertThat(sleeps).isEmpty();
    }

    @RepeatedTest(20)
    void backoffIsFullJitterUnderADoublingCeiling() {
        assertThat(ReplyRetryStrategy.delayMillis(0, 500, 8_000)).isBetween(0L, 500L);
        assertThat(ReplyRetryStrategy.delayMillis(2, 500, 8_000)).isBetween(0L, 2_000L);
        assertThat(ReplyRetryStrategy.delayMillis(12, 500, 8_000)).isBetween(0L, 8_000L);
    }

    @Test
    void retryAfterIsReadInSecondsOrAsADate() {
        Clock clock = Clock.fixed(Instant.parse("2026-10-21T07:27:50Z"), ZoneOffset.UTC);

        assertThat(ReplyRetryStrategy.retryAfterMillis("3", clock)).isEqualTo(3_000);
        assertThat(ReplyRetryStrategy.retryAfterMillis("Wed, 21 Oct 2026 07:28:00 GMT", clock)).isEqualTo(10_000);
        assertThat(ReplyRetryStrategy.retryAfterMillis("Tue, 20 Oct 2026 07:28:00 GMT", clock)).isZero();
        assertThat(ReplyRetryStrategy.retryAfterMillis("soon", clock)).isZero();
        assertThat(ReplyRetryStrategy.retryAfterMillis(null, clock)).isZero();
    }
}
