package dev.callcodes.bot.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.callcodes.bot.MovableClock;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The local file endpoint's store: bounded in files, bytes and time; and its links, the only ones it accepts. */
class LocalFilesTest {

    private final LocalFileLinks links = new LocalFileLinks("127.0.0.1", () -> 3978);

    @Test
    void filesExpireAndTheOldestGoFirstWhenFull() {
        MovableClock clock = new MovableClock(Instant.parse("2026-11-20T09:00:00Z"));
        LocalFiles files = new LocalFiles(links, new ObjectMapper(), 1000, clock);

        String first = files.put("a.csv", new byte[400]);
        String second = files.put("b.csv", new byte[400]);
        String third = files.put("c.csv", new byte[400]);

        assertThat(files.get(first)).as("over 1000 bytes: the oldest went").isNull();
        assertThat(files.get(second)).isNotNull();
        for (int i = 0; i < LocalFiles.MAX_FILES + 5; i++) {
            files.put("small-" + i + ".csv", new byte[1]);
        }
        assertThat(files.count()).isEqualTo(LocalFiles.MAX_FILES);

        clock.advance(LocalFiles.KEEP.plus(Duration.ofSeconds(1)));
        assertThat(files.get(third)).isNull();
        assertThat(files.count()).isZero();
    }

    @Test
    void onlyTheLinksItWritesAreItsOwn() {
        String id = "0f8fad5b-d9cb-469f-a165-70867728950e";
        assertThat(links.urlFor(id)).isEqualTo("http://127.0.0.1:3978/local/files/" + id);
        assertThat(links.isOwn(URI.create(links.urlFor(id)))).isTrue();
        for (String other : new String[] {"http://127.0.0.1:3979/local/files/" + id,
                "http://localhost:3978/local/files/" + id, "https://127.0.0.1:3978/local/files/" + id,
                "http://127.0.0.1:3978/local/files/" + id + "?x=1", "http://127.0.0.1:3978/actuator/health",
                "http://127.0.0.1:3978/local/files/../../actuator/health", "http://u@127.0.0.1:3978/local/files/" + id,
                "http://127.0.0.1:3978/local/files/" + id + "/more"}) {
            assertThat(links.isOwn(URI.create(other))).as(other).isFalse();
        }
        LocalFileLinks everywhere = new LocalFileLinks("0.0.0.0", () -> 3978);
        assertThat(everywhere.urlFor(id)).as("a wildcard bind is reached on loopback")
                .startsWith("http://127.0.0.1:3978/");
        assertThat(new LocalFileLinks("::", () -> 1).urlFor(id)).startsWith("http://[::1]:1/");
        assertThat(new LocalFileLinks("::", () -> 1).isOwn(URI.create("http://[::1]:1/local/files/" + id))).isTrue();
    }
}
