package dev.callcodes.bot.local;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The watch's demo as a new user meets it: the local chat page in headless Chromium, {@code watch} typed, and the
 * demo burst's alert rendered as a card; an update of the growing incident replaces that card in place
 * (src/test/node/local-chat-watch.mjs). The dynamic property makes this a context of its own: with the same
 * properties as {@code LocalChatWatchDemoTest} Spring would hand it that test's cached context, whose demo burst may
 * be over. Needs Node.js, the packages of src/test/node and Chromium; runs in -Pconformance.
 */
@Tag("conformance")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "MicrosoftAppId=", "MicrosoftAppPassword=", "CALLCODES_WATCH_SOURCE=demo", "CALLCODES_WATCH_INTERVAL=2s"})
// Closed after the test: a cached context would keep its demo watch polling every 2 s for the rest of the JVM,
// growing the heap under MailboxHeapTest's measurement (held 45.7 MB for 32 MiB once in CI).
@DirtiesContext
class LocalChatWatchBrowserTest {

    private static final Path OUT = Path.of("target/screenshots");

    @DynamicPropertySource
    static void ownStore(DynamicPropertyRegistry registry) {
        try {
            Path data = Files.createTempDirectory("callcodes-watch-browser");
            registry.add("CALLCODES_DATA_DIR", data::toString);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @LocalServerPort
    int port;

    @Test
    void afterWatchThePageShowsTheDemoAlertAsACard() throws Exception {
        Files.createDirectories(OUT);
        BrowserScript.run("local-chat-watch.mjs", port, OUT, 7);
        assertThat(OUT.resolve("local-chat-watch-alert.png")).exists();
        assertThat(Files.size(OUT.resolve("local-chat-watch-alert.png"))).as("a real picture").isGreaterThan(10_000);
    }
}
