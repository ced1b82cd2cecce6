package dev.callcodes.bot.local;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

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
        Process process = new ProcessBuilder("node", "src/test/node/local-chat.mjs", "http://localhost:" + port + "/",
                OUT.toString()).redirectErrorStream(true).start();
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "could not read the script's output: " + e;
            }
        });
        boolean finished = process.waitFor(180, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
        }
        String summary = output.get(10, TimeUnit.SECONDS);
        System.out.print(summary);

        assertThat(finished).as("the browser script finished within 3 minutes").isTrue();
        assertThat(process.exitValue()).as(summary).isZero();
        for (String png : new String[] {"local-chat-welcome.png", "local-chat.png", "local-chat-related.png",
                "local-chat-report.png", "local-chat-file.png"}) {
            assertThat(OUT.resolve(png)).exists();
            assertThat(Files.size(OUT.resolve(png))).as("%s is a real picture", png).isGreaterThan(10_000);
        }
    }
}
