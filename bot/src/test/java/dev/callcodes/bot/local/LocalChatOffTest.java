package dev.callcodes.bot.local;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** A bot registered in Azure (an app ID is set) has no local page and no local connector: not one route of them. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "MicrosoftAppId=00000000-0000-0000-0000-000000000001",
        "MicrosoftAppPassword=test-only-not-a-secret",
        "MicrosoftAppTenantId=00000000-0000-0000-0000-000000000002"})
class LocalChatOffTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    private int status(String method, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString("{\"type\": \"message\", \"text\": \"510559 403\"}"))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void thePageIsNotServed() throws Exception {
        assertThat(status("GET", "/")).isEqualTo(404);
        assertThat(status("GET", "/local-chat/index.html")).isEqualTo(404);
        assertThat(status("GET", "/local-chat/chat.js")).isEqualTo(404);
        assertThat(status("GET", "/local-chat/vendor/adaptivecards.min.js")).isEqualTo(404);
    }

    @Test
    void theConnectorAndTheFeedDoNotExist() throws Exception {
        assertThat(status("POST", "/local/connector/v3/conversations/a%3Ax/activities")).isEqualTo(404);
        assertThat(status("POST", "/local/connector/v3/conversations/a%3Ax/activities/m1")).isEqualTo(404);
        assertThat(status("PUT", "/local/connector/v3/conversations/a%3Ax/activities/m1")).isEqualTo(404);
        assertThat(status("GET", "/local/chat/a%3Ax/activities?after=0")).isEqualTo(404);
        assertThat(context.getBeansOfType(Mailbox.class)).isEmpty();
    }
}
