package dev.callcodes.bot.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a user sent does not reach the log through an exception's message. Before, an activity whose serviceUrl the
 * local bot refused logged "Invalid serviceUrl: http://203.0.113.9/SECRET-USER-TEXT" at ERROR; now the log has the
 * exception's type, its stack frames and the reference the user was given.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "MicrosoftAppId=", "MicrosoftAppPassword="})
class LogPrivacyTest {

    @LocalServerPort
    int port;

    @Test
    void aFailureIsLoggedWithItsTypeAndReferenceNotWithWhatTheUserSent(CapturedOutput output) throws Exception {
        String activity = "{\"type\":\"message\",\"id\":\"m1\",\"channelId\":\"msteams\",\"serviceUrl\":"
                + "\"http://203.0.113.9/SECRET-USER-TEXT\",\"text\":\"510559 403 SECRET-MESSAGE\","
                + "\"from\":{\"id\":\"u\"},\"recipient\":{\"id\":\"b\"},"
                + "\"conversation\":{\"id\":\"a\",\"conversationType\":\"personal\"}}";
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/messages"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(activity)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(500);
        String reference = new ObjectMapper().readTree(response.body()).path("reference").asText();
        assertThat(output.getOut()).contains("(reference " + reference + "): ")
                .contains("java.lang.IllegalArgumentException (message not logged")
                .doesNotContain("SECRET-USER-TEXT").doesNotContain("SECRET-MESSAGE");
    }
}
