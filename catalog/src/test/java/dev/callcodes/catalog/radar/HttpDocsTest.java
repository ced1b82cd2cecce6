package dev.callcodes.catalog.radar;

import com.sun.net.httpserver.HttpServer;
import dev.callcodes.catalog.TestCatalog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code --fetch}: the same files over HTTP, from a local stub serving the stored newer revisions as raw files. */
class HttpDocsTest {

    private static final Path NEWER = Path.of("src/test/resources/radar/newer");

    private HttpServer server;
    private String base;

    @BeforeEach
    void serveTheStoredFiles() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath().substring(1);
            Path file = NEWER.resolve(path).normalize();
            int status = path.startsWith("broken/") ? 503 : file.startsWith(NEWER) && Files.isRegularFile(file) ? 200 : 404;
            byte[] body = status == 200 ? Files.readAllBytes(file) : "no".getBytes();
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void fetchedPagesGiveTheSameReportAsTheFolderSaveThatFoldersAreNotListed() {
        Docs http = Docs.http(Map.of("SupportArticles-docs", base + "SupportArticles-docs/",
                "azure-docs", base + "azure-docs/",
                "microsoft-graph-docs-contrib", base + "microsoft-graph-docs-contrib/"), Duration.ofSeconds(10));

        RadarReport fetched = new Radar(TestCatalog.get()).scan(http);
        RadarReport local = new Radar(TestCatalog.get()).scan(Docs.folder(NEWER));

        assertThat(fetched).isEqualTo(local);
        assertThat(fetched.checked()).hasSize(4);
    }

    @Test
    void aServerErrorIsAnErrorNamingTheUrlNotAnAbsentPage() {
        Docs http = Docs.http(Map.of("azure-docs", base + "broken/"), Duration.ofSeconds(10));

        assertThatThrownBy(() -> http.read("azure-docs", "x.md")).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("HTTP 503 from " + base + "broken/x.md");
        assertThat(Docs.http(Map.of("azure-docs", base), Duration.ofSeconds(10)).read("azure-docs", "none.md")).isEmpty();
    }
}
