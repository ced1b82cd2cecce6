package dev.callcodes.bot.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.callcodes.bot.server.ProblemJson;
import dev.callcodes.catalog.report.ZipBomb;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The probe's zip bomb at the default limits, over HTTP: a 10.6 MB zip holding 10.7 GB of zeros in files that are
 * not reports. Before, the server inflated all of it to find there was nothing to read (24.6 s of CPU). Now the
 * entries are skipped by their sizes; the CPU the server spends is compared with inflating a mere 64 MB here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "MicrosoftAppId=", "MicrosoftAppPassword="})
class ZipBombApiTest {

    @LocalServerPort
    int port;

    @Test
    void aZipBombIsRefusedWithAMessageWithoutInflatingIt() throws Exception {
        ByteArrayOutputStream bomb = new ByteArrayOutputStream(11 << 20);
        ZipBomb.write(bomb, 5, 2047, "zeros", ".bin", false);
        long cpuBefore = processCpu();
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/report"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bomb.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
        long serverCpu = processCpu() - cpuBefore;

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(new ObjectMapper().readTree(response.body())).isEqualTo(ProblemJson.of(400, "This .zip file holds"
                + " no .csv, .tsv, .txt or .json file. Send the admin center's CSV export, or the .zip it came in.",
                "/api/report", "body"));

        long inflate64Mb = cpuToInflate(64);
        assertThat(serverCpu).as("CPU to refuse 10.7 GB of zeros (ns) against inflating 64 MB once (%d ns)", inflate64Mb)
                .isLessThan(inflate64Mb * 20);
    }

    /** CPU time of this JVM, where the server runs: every thread, the collector's included. */
    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long cpuToInflate(int megabytes) throws Exception {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        ZipBomb.write(zip, 1, megabytes, "zeros", ".bin", false);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(
                new java.io.ByteArrayInputStream(zip.toByteArray()))) {
            in.getNextEntry();
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return threads.getCurrentThreadCpuTime() - start;
    }
}
