package dev.callcodes.bot.local;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local chat page in headless Chromium against the running app: welcome card, a typed question, a related-code
 * button, the Action.Submit update, a pasted report, hostile text, a report file dropped on the page and one chosen
 * with the Attach button; no console error and no request off the machine
 * (src/test/node/local-chat.mjs). Needs Node.js, the packages of src/test/node and Chromium (CHROMIUM, default
 * /usr/bin/chromium); runs in -Pconformance. Screenshots go to target/screenshots for review.
 */
@Tag("conformance")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "MicrosoftAppId=", "MicrosoftAppPassword="})
class LocalChatBrowserTest {

    private static final Path OUT = Path.of("target/screenshots");

    @LocalServerPort
    int port;

    @Test
    void aUserGetsRenderedCardsFromTheLocalChatPage() throws Exception {
        Files.createDirectories(OUT);
        BrowserScript.run("local-chat.mjs", port, OUT, 3);
        for (String png : new String[] {"local-chat-welcome.png", "local-chat.png", "local-chat-related.png",
                "local-chat-report.png", "local-chat-file.png"}) {
            assertThat(OUT.resolve(png)).exists();
            assertThat(Files.size(OUT.resolve(png))).as("%s is a real picture", png).isGreaterThan(10_000);
        }
    }
}
