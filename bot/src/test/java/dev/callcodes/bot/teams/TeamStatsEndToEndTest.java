package dev.callcodes.bot.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.schema.Activity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A short conversation over real HTTP, then what it counted: the {@code stats} card in the chat and
 * {@code GET /api/stats}, which is behind the API key like the rest of /api/*. Each test uses a tenant of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "CALLCODES_API_AUTH=api-key", "CALLCODES_API_KEYS=" + TeamStatsEndToEndTest.KEY})
class TeamStatsEndToEndTest {

    static final String KEY = "7c0ffee0123456789abcdef0123456789";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static StubConnector connector;

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startConnector() throws IOException {
        connector = new StubConnector();
    }

    @AfterAll
    static void stopConnector() throws IOException {
        connector.close();
    }

    private JsonNode say(String tenant, String text) throws Exception {
        Activity message = Activities.personal(text);
        message.getConversation().setTenantId(tenant);
        message.setServiceUrl(connector.serviceUrl());
        HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/messages")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Activities.JSON.writeValueAsString(message))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).isEqualTo(202);
        return connector.take(WAIT).body();
    }

    private HttpResponse<String> stats(String query, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/stats"
                + query));
        if (key != null) {
            request.header("X-API-Key", key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aScriptedConversationShowsInTheStatsCardAndTheApi() throws Exception {
        String tenant = "11111111-2222-4333-8444-555555555555";
        say(tenant, "what is 510559 403");
        say(tenant, "510559 403");
        say(tenant, "560403 403");
        say(tenant, "999999 403");

        JsonNode card = say(tenant, "stats").path("attachments").get(0).path("content");

        assertThat(card.path("body").get(0).path("text").asText()).isEqualTo("Team stats");
        String shown = card.toString();
        assertThat(shown).contains("510559 / SIP 403").contains("2 times (chat)").contains("560403 / SIP 403")
                .contains("999999 / SIP 403").doesNotContain("what is");
        assertThat(card.path("fallbackText").asText())
                .isEqualTo("Team stats: most asked in the last 7 days 510559 / SIP 403 (2 times); 1 unknown code(s)"
                        + " asked; feedback 0 helpful, 0 not helpful.");

        HttpResponse<String> api = stats("?tenant=" + tenant, KEY);
        assertThat(api.statusCode()).isEqualTo(200);
        JsonNode body = Activities.JSON.readTree(api.body());
        assertThat(body.path("tenant").asText()).isEqualTo(tenant);
        assertThat(body.path("topPairsWeek").get(0).path("microsoftCode").asText()).isEqualTo("510559");
        assertThat(body.path("topPairsWeek").get(0).path("sipCode").asInt()).isEqualTo(403);
        assertThat(body.path("topPairsWeek").get(0).path("count").asLong()).isEqualTo(2);
        assertThat(body.path("topPairsWeek").get(0).path("bySurface").path("chat").asLong()).isEqualTo(2);
        assertThat(body.path("topPairsMonth")).hasSize(2);
        assertThat(body.path("unknownCodesMonth").get(0).path("microsoftCode").asText()).isEqualTo("999999");
        assertThat(body.path("feedbackMonth").path("helpful").asLong()).isZero();
    }

    @Test
    void anotherTenantSeesNothingOfIt() throws Exception {
        say("aaaaaaaa-2222-4333-8444-555555555555", "510559 403");

        JsonNode body = Activities.JSON.readTree(stats("?tenant=bbbbbbbb-2222-4333-8444-555555555555", KEY).body());

        assertThat(body.path("topPairsWeek")).isEmpty();
        assertThat(body.path("unknownCodesMonth")).isEmpty();
    }

    @Test
    void theApiNeedsTheKeyAndNamesABadParameter() throws Exception {
        assertThat(stats("", null).statusCode()).isEqualTo(401);

        HttpResponse<String> badLimit = stats("?limit=lots", KEY);
        assertThat(badLimit.statusCode()).isEqualTo(400);
        assertThat(Activities.JSON.readTree(badLimit.body()).path("field").asText()).isEqualTo("limit");
        assertThat(badLimit.body()).contains("'lots'");

        HttpResponse<String> badTenant = stats("?tenant=a/b", KEY);
        assertThat(badTenant.statusCode()).isEqualTo(400);
        assertThat(Activities.JSON.readTree(badTenant.body()).path("field").asText()).isEqualTo("tenant");

        HttpResponse<String> local = stats("", KEY);
        assertThat(local.statusCode()).isEqualTo(200);
        assertThat(Activities.JSON.readTree(local.body()).path("tenant").asText()).isEqualTo("local");
    }
}
