package dev.callcodes.bot.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A forged token header with a line break in it, as the probe sent: before, the rejection's log line quoted the
 * header and a second, fake line followed it ("... ERROR ... FAKE admin password reset"). Now the rejection logs
 * the exception type only, and every log message is escaped, whoever logs it (the SDK included).
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "MicrosoftAppId=00000000-0000-0000-0000-000000000001",
        "MicrosoftAppPassword=test-only-not-a-secret",
        "MicrosoftAppTenantId=00000000-0000-0000-0000-000000000002"})
class LogInjectionTest {

    private static final String FAKE = "2026-12-02T06:00:00.000Z ERROR 1 --- [callcodes-bot] [main] d.c.bot.Admin"
            + " : FAKE admin password reset";

    @LocalServerPort
    int port;

    @Test
    void aForgedTokenHeaderCannotWriteALineOfItsOwn(CapturedOutput output) throws Exception {
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString(("{\"alg\":\"RS256\",\"kid\":\"x\n"
                + FAKE + "\"}").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/messages"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + header + ".e30.c2ln")
                .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"message\",\"text\":\"hi\",\"channelId\":"
                        + "\"msteams\",\"serviceUrl\":\"https://smba.trafficmanager.net/amer/\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(output.getOut()).contains("Rejected an activity that failed authentication");
        assertThat(output.getOut().lines()).noneMatch(line -> line.startsWith("2026-12-02T06:00:00.000Z"));
    }

    @Test
    void anyLoggerQuotingRequestDataStaysOnOneLine(CapturedOutput output) {
        LoggerFactory.getLogger("com.microsoft.bot.connector.authentication.CachingOpenIdMetadata")
                .warn("findKey: keyId " + "x\r\n" + FAKE + "\u2028more" + " doesn't exist.");

        assertThat(output.getOut().lines()).noneMatch(line -> line.startsWith("2026-12-02T06:00:00.000Z"));
        assertThat(output.getOut()).contains("findKey: keyId x\\r\\n" + FAKE + "\\u2028more doesn't exist.");
    }
}
