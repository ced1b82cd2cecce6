package dev.callcodes.bot.teams;

import com.sun.net.httpserver.HttpServer;
import dev.callcodes.catalog.report.ReportInputException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The bot's outbound file traffic against local servers: which links it uses, redirects checked hop by hop, and one
 * deadline for a whole transfer, so a server that drips its answer cannot hold a turn (the probe's held one 80 s;
 * measured here before the change: 100.9 s for a file dripped over 100 s).
 */
class FileTransfersTest {

    private static final byte[] CSV = "Final SIP code,Final Microsoft subcode\n403,510559\n".getBytes(StandardCharsets.UTF_8);

    private HttpServer allowed;
    private HttpServer other;
    private final Queue<String> otherHits = new ConcurrentLinkedQueue<>();
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void startServers() throws IOException {
        other = server();
        other.createContext("/", exchange -> {
            otherHits.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            exchange.sendResponseHeaders(200, CSV.length);
            exchange.getResponseBody().write(CSV);
            exchange.close();
        });
        allowed = server();
        allowed.createContext("/file.csv", exchange -> {
            exchange.sendResponseHeaders(200, CSV.length);
            exchange.getResponseBody().write(CSV);
            exchange.close();
        });
        allowed.createContext("/to-other", exchange -> {
            exchange.getResponseHeaders().add("Location", "http://127.0.0.1:" + other.getAddress().getPort() + "/x");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        allowed.createContext("/to-self", exchange -> {
            exchange.getResponseHeaders().add("Location", "/file.csv");
            exchange.sendResponseHeaders(307, -1);
            exchange.close();
        });
        allowed.createContext("/loop", exchange -> {
            exchange.getResponseHeaders().add("Location", "/loop");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        allowed.createContext("/drip", exchange -> {
            exchange.sendResponseHeaders(200, 1_000_000);
            OutputStream out = exchange.getResponseBody();
            try {
                for (int i = 0; i < 10_000; i++) {
                    out.write('4');
                    out.flush();
                    Thread.sleep(100);
                }
            } catch (IOException | InterruptedException gone) {
                // the bot hung up, as it should
            }
            exchange.close();
        });
        allowed.createContext("/silent", exchange -> {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        allowed.createContext("/upload", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(201, -1);
            exchange.close();
        });
    }

    private static HttpServer server() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
        return server;
    }

    @AfterEach
    void stopServers() {
        allowed.stop(0);
        other.stop(0);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + allowed.getAddress().getPort() + path;
    }

    private FileTransfers transfers(Duration limit) {
        int port = allowed.getAddress().getPort();
        Predicate<URI> onlyTheAllowedServer = uri -> "http".equals(uri.getScheme())
                && "127.0.0.1".equals(uri.getHost()) && uri.getPort() == port;
        return new FileTransfers(() -> http, onlyTheAllowedServer, limit);
    }

    private static String read(InputStream in) throws IOException {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void withCredentialsOnlySharePointOverHttpsIsUsed() {
        Predicate<URI> teams = FileTransfers.TEAMS_LINKS;
        for (String good : List.of(
                "https://contoso-my.sharepoint.com/personal/adele_contoso_com/_layouts/15/download.aspx?UniqueId=1",
                "https://contoso.sharepoint.com/sites/voice/Shared%20Documents/report.csv",
                "https://CONTOSO-MY.SharePoint.com:443/personal/x/_api/v2.0/drive/items/1/uploadSession?guid=2")) {
            assertThat(teams.test(URI.create(good))).as(good).isTrue();
        }
        for (String bad : List.of("http://contoso-my.sharepoint.com/file", "https://evil.example/file",
                "https://sharepoint.com/file", "https://contoso.sharepoint.com.evil.example/file",
                "https://user:pw@contoso.sharepoint.com/file", "https://contoso.sharepoint.com:8443/file",
                "https://127.0.0.1/file", "https://[::1]/file", "https://-bad.sharepoint.com/file",
                "https://a.b.sharepoint.com/file", "https://upload.onedrive.com/UploadSession?xxx",
                "file:///etc/passwd", "ftp://contoso.sharepoint.com/file")) {
            assertThat(teams.test(URI.create(bad))).as(bad).isFalse();
        }
    }

    @Test
    void aLinkOutsideTheRuleIsNeverRequested() {
        FileTransfers files = transfers(Duration.ofSeconds(10));
        String elsewhere = "http://127.0.0.1:" + other.getAddress().getPort() + "/secret";

        assertThatThrownBy(() -> files.download(elsewhere, 1000)).isInstanceOf(ReportInputException.class)
                .hasMessageStartingWith("Teams gave no usable link");
        assertThatThrownBy(() -> files.upload(elsewhere, CSV, "bytes 0-1/2")).isInstanceOf(IOException.class);
        assertThat(files.allows(elsewhere)).isFalse();
        assertThat(files.allows("not a url")).isFalse();
        assertThat(otherHits).isEmpty();
    }

    @Test
    void everyRedirectIsCheckedAgainstTheSameRule() throws Exception {
        FileTransfers files = transfers(Duration.ofSeconds(10));

        assertThat(read(files.download(url("/to-self"), 1000))).startsWith("Final SIP code");
        assertThatThrownBy(() -> files.download(url("/to-other"), 1000)).isInstanceOf(ReportInputException.class)
                .hasMessageStartingWith("The link to the file led somewhere I do not download from");
        assertThatThrownBy(() -> files.download(url("/loop"), 1000)).isInstanceOf(ReportInputException.class)
                .hasMessageContaining("redirected too many times");
        assertThat(otherHits).as("the redirect's target was never requested").isEmpty();
    }

    @Test
    @Timeout(120)
    void aDrippingDownloadIsCutOffAtTheDeadline() throws Exception {
        FileTransfers files = transfers(Duration.ofSeconds(2));
        InputStream body = files.download(url("/drip"), 10_000_000);

        assertThatThrownBy(() -> read(body)).isInstanceOf(ReportInputException.class)
                .hasMessage("The file took longer than 2 seconds to download. Send it again, or paste the rows.");
    }

    @Test
    @Timeout(120)
    void aServerThatNeverAnswersIsCutOffAtTheDeadline() {
        FileTransfers files = transfers(Duration.ofSeconds(2));

        assertThatThrownBy(() -> files.download(url("/silent"), 1000)).isInstanceOf(ReportInputException.class)
                .hasMessageStartingWith("The file took longer than 2 seconds");
        assertThatThrownBy(() -> files.upload(url("/silent"), CSV, "bytes 0-1/2"))
                .isInstanceOf(IOException.class).hasMessage("the upload did not finish within 2 seconds");
    }

    @Test
    void uploadsGoOnlyWhereTheRuleAllows() throws Exception {
        FileTransfers files = transfers(Duration.ofSeconds(10));

        assertThat(files.upload(url("/upload"), CSV, "bytes 0-" + (CSV.length - 1) + "/" + CSV.length)).isEqualTo(201);
    }
}
