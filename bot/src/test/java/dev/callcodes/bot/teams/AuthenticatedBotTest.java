package dev.callcodes.bot.teams;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** With an app ID set, an activity without a valid Bot Framework token is refused before the bot sees it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "MicrosoftAppId=00000000-0000-0000-0000-000000000001",
        "MicrosoftAppPassword=test-only-not-a-secret",
        "MicrosoftAppTenantId=00000000-0000-0000-0000-000000000002"})
class AuthenticatedBotTest {

    @LocalServerPort
    int port;

    private int post(String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/messages"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Activities.JSON.writeValueAsString(
                        Activities.personal("510559 403"))));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    @Test
    void activitiesWithoutATokenAreRefused() throws Exception {
        assertThat(post(null)).isEqualTo(401);
    }

    @Test
    void activitiesWithAMalformedTokenAreRefused() throws Exception {
        assertThat(post("Bearer not-a-jwt")).isEqualTo(401);
    }
}
