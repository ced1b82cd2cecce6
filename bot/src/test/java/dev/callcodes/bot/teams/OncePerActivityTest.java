package dev.callcodes.bot.teams;

import com.microsoft.bot.schema.Activity;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A Teams retry over real HTTP: the same activity posted twice to {@code /api/messages} is answered once. The
 * controller answers after the turn's replies went out, so when the second POST returns, the stub connector has seen
 * everything that delivery was going to send.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OncePerActivityTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

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

    private int post(Activity activity) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/messages"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(Activities.JSON.writeValueAsString(activity)))
                        .build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private static Activity message(String conversationId, String activityId, String text) {
        Activity activity = Activities.base("message", "personal", conversationId);
        activity.setId(activityId);
        activity.setText(text);
        activity.setServiceUrl(connector.serviceUrl());
        return activity;
    }

    private double duplicates() {
        return registry.counter("callcodes.activities.duplicate").count();
    }

    @Test
    void theSameActivityDeliveredTwiceIsAnsweredOnce() throws Exception {
        double before = duplicates();

        assertThat(post(message("a:retried-chat", "1700000000001", "what is 510559 403"))).isEqualTo(202);
        await().atMost(WAIT).until(() -> connector.delivered().containsKey("a:retried-chat"));

        // A duplicate is dropped before the 202, so once it is answered it has been counted and sent nothing.
        assertThat(post(message("a:retried-chat", "1700000000001", "what is 510559 403"))).isEqualTo(202);

        assertThat(duplicates()).isEqualTo(before + 1);
        assertThat(connector.delivered()).containsEntry("a:retried-chat", 1);
    }

    @Test
    void anotherActivityOfTheConversationAndTheSameIdElsewhereAreAnswered() throws Exception {
        assertThat(post(message("a:busy-chat", "1700000000002", "560403"))).isEqualTo(202);
        assertThat(post(message("a:busy-chat", "1700000000003", "560403"))).isEqualTo(202);
        assertThat(post(message("a:other-chat", "1700000000002", "560403"))).isEqualTo(202);

        await().atMost(WAIT).untilAsserted(() -> assertThat(connector.delivered())
                .containsEntry("a:busy-chat", 2).containsEntry("a:other-chat", 1));
    }
}
