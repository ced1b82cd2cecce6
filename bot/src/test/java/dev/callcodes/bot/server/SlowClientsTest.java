package dev.callcodes.bot.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 300 clients that declare a body and send it a byte at a time must not take the health probes (or anything else)
 * down with them: bodies are received without holding a thread, and those over the limit of bodies at once are told
 * to come back. Before: 0 of 8 liveness probes answered while 300 such clients were connected.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "MicrosoftAppId=", "MicrosoftAppPassword="})
class SlowClientsTest {

    @LocalServerPort
    int port;

    @Autowired
    RequestBodyGuard guard;

    @Test
    void livenessAndOtherRequestsStayUpWhileTheyTrickle() throws Exception {
        List<SlowClient> clients = new ArrayList<>();
        ScheduledExecutorService drip = Executors.newSingleThreadScheduledExecutor();
        try {
            for (int i = 0; i < 300; i++) {
                String path = List.of("/api/explain", "/api/messages", "/api/report").get(i % 3);
                clients.add(new SlowClient(port, path, 100_000));
            }
            drip.scheduleWithFixedDelay(() -> clients.forEach(SlowClient::drip), 200, 500, TimeUnit.MILLISECONDS);

            int up = 0;
            for (int probe = 0; probe < 10; probe++) {
                HttpResponse<String> liveness = SlowClient.get(port, "/actuator/health/liveness");
                if (liveness.statusCode() == 200 && liveness.body().contains("\"UP\"")) {
                    up++;
                }
                Thread.sleep(300);
            }
            HttpResponse<String> search = SlowClient.get(port, "/api/search?q=certificate");
            drip.shutdown();
            drip.awaitTermination(10, TimeUnit.SECONDS);
            // A busy machine may still be reading the last clients' headers: collect until the refusals are all in
            // (or 10 s pass, and the assertions below say what came).
            Map<Integer, Integer> statuses = collectStatuses(clients);
            long settle = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (statuses.getOrDefault(503, 0) < 300 - 128 && System.nanoTime() < settle) {
                Thread.sleep(100);
                statuses = collectStatuses(clients);
            }
            assertThat(up).as("liveness probes answered UP while 300 clients trickled (%s)", statuses)
                    .isEqualTo(10);
            assertThat(search.statusCode()).isEqualTo(200);
            // 128 bodies are being received (no thread held); the rest were told at once to come back later.
            assertThat(statuses).containsOnlyKeys(0, 503);
            assertThat(statuses.get(503)).isEqualTo(300 - 128);
            for (SlowClient refused : clients.stream().filter(c -> c.status() == 503).toList()) {
                JsonNode busy = ProblemJson.of(503, "the server is receiving too many requests at once: try again in"
                        + " 5 seconds", refused.path, null);
                assertThat(refused.body()).isEqualTo(busy);
            }
            assertThat(guard.receivingNow()).isEqualTo(128);
        } finally {
            drip.shutdownNow();
            for (SlowClient client : clients) {
                client.close();
            }
        }
        // Clients that hang up give their place back.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (guard.receivingNow() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(guard.receivingNow()).as("bodies still counted as arriving after their clients left").isZero();
    }

    private static Map<Integer, Integer> collectStatuses(List<SlowClient> clients) {
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (SlowClient client : clients) {
            client.drip();
            statuses.merge(client.status(), 1, Integer::sum);
        }
        return statuses;
    }
}
