package dev.callcodes.bot.access;

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

/** {@code CALLCODES_API_AUTH=api-key}: one of the keys in X-API-Key, or 401; the keys never reach the log. */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "MicrosoftAppId=", "MicrosoftAppPassword=", "CALLCODES_API_AUTH=api-key",
        "CALLCODES_API_KEYS=" + ApiKeyAccessTest.KEY + "," + ApiKeyAccessTest.SECOND})
class ApiKeyAccessTest {

    static final String KEY = "3f1d0c9a8b7e6d5c4b3a29180706f5e4";
    static final String SECOND = "second-key-for-rotation-0123456789";

    @LocalServerPort
    int port;

    private HttpResponse<String> report(String key, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/report"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (key != null) {
            request.header("X-API-Key", key);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void onlyCallersWithAKeyGetIn(CapturedOutput output) throws Exception {
        byte[] file = "Final SIP code,Final Microsoft subcode\n403,510559\n404,511404\n".getBytes();

        assertThat(report(KEY, file).statusCode()).isEqualTo(200);
        assertThat(report(SECOND, file).statusCode()).as("either key, so keys can be rotated").isEqualTo(200);
        for (String wrong : new String[] {null, "", KEY.substring(1), KEY + "x", KEY.toUpperCase()}) {
            HttpResponse<String> refused = report(wrong, file);
            assertThat(refused.statusCode()).as(wrong).isEqualTo(401);
            assertThat(refused.body()).contains("X-API-Key");
            assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValue("ApiKey header=\"X-API-Key\"");
        }
        assertThat(output.getAll()).doesNotContain(KEY).doesNotContain(SECOND);
    }
}
