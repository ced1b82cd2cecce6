package dev.callcodes.benchmarks;

import com.sun.net.httpserver.HttpServer;
import dev.callcodes.watch.CountingWatchMetrics;
import dev.callcodes.watch.Watch;
import dev.callcodes.watch.calls.CallRow;
import dev.callcodes.watch.demo.CallGenerator;
import dev.callcodes.watch.detect.DetectionRules;
import dev.callcodes.watch.detect.Detector;
import dev.callcodes.watch.graph.GraphCallSource;
import dev.callcodes.watch.graph.RetryPolicy;
import dev.callcodes.watch.graph.Sleeper;
import dev.callcodes.watch.state.InMemoryLease;
import dev.callcodes.watch.state.InMemoryWatchState;
import dev.callcodes.watch.stub.GraphJson;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The watch's target measured the plain way: one poll of N Graph records (1,000 a page, so 10 pages for 10,000)
 * from a local Graph stub over HTTP, through the real client, parser, deduplication, detection and a commit of the
 * checkpoint as JSON, each run on an empty state so every record is new. The stub serves pages rendered before
 * timing starts, as a remote Graph would cost this JVM nothing to render. Run it under {@code -Xmx100m} so that
 * finishing at all proves the memory bound:
 *
 * <pre>java -Xmx100m -cp benchmarks/target/benchmarks.jar dev.callcodes.benchmarks.WatchPollHarness 10000</pre>
 */
public final class WatchPollHarness {

    private static final int RUNS = 10;
    private static final Instant NOW = Instant.parse("2024-05-08T12:00:00Z");

    private WatchPollHarness() {
    }

    public static void main(String[] args) throws IOException {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        System.setProperty("sun.net.httpserver.nodelay", "true");
        List<CallRow> calls = calls(rows);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        URI base = URI.create("http://localhost:" + server.getAddress().getPort());
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        GraphCallSource source = new GraphCallSource(base, refresh -> "bench-token",
                GraphCallSource.httpClient(null), RetryPolicy.defaults(), Sleeper.REAL, clock);
        Map<String, byte[]> pages = pages(calls, base, source.firstPage(NOW.minus(Duration.ofHours(3)), NOW));
        server.createContext("/", exchange -> {
            try (exchange) {
                byte[] body = pages.get(exchange.getRequestURI().toString());
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
                if (body != null) {
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                }
            }
        });
        server.start();
        try {
            HeapPeaks.reset();
            long[] millis = new long[RUNS];
            Watch.Tick tick = null;
            InMemoryWatchState state = null;
            for (int run = 0; run < RUNS; run++) {
                state = new InMemoryWatchState();
                Watch watch = new Watch("bench", source, state, new InMemoryLease(clock),
                        new Detector(DetectionRules.defaults()), alert -> { }, new CountingWatchMetrics(), clock,
                        Duration.ofMinutes(15), Duration.ofHours(3), Duration.ofHours(3));
                long started = System.nanoTime();
                tick = watch.tick();
                millis[run] = (System.nanoTime() - started) / 1_000_000;
                if (tick.outcome() != Watch.TickOutcome.POLLED) {
                    throw new IllegalStateException("the poll failed: " + tick.report());
                }
            }
            long[] sorted = millis.clone();
            Arrays.sort(sorted);
            long bytes = pages.values().stream().mapToLong(b -> b.length).sum();
            System.out.printf("records %,d in %d pages (%,d bytes): %,d read, %,d new, %d alerts; checkpoint %,d bytes%n",
                    rows, tick.report().pages(), bytes, tick.report().rows(), tick.report().newRows(),
                    tick.alerts().size(), state.storedBytes());
            System.out.printf("time per poll: first %d ms, median %d ms, best %d ms (%d runs)%n",
                    millis[0], sorted[RUNS / 2], sorted[0], RUNS);
            System.out.printf("peak heap used: %.1f MB (max heap %.0f MB)%n", HeapPeaks.peakBytes() / 1e6,
                    Runtime.getRuntime().maxMemory() / 1e6);
        } finally {
            server.stop(0);
        }
    }

    /** Exactly {@code count} calls of four SBCs in the 3 hours before NOW, with a TLS burst on one of them. */
    static List<CallRow> calls(int count) {
        double perMinute = count / 180.0 * 1.05;
        CallGenerator generator = new CallGenerator(10, List.of(
                new CallGenerator.Sbc("sbc1.contoso.com", perMinute * 0.4, 0.2),
                new CallGenerator.Sbc("sbc2.contoso.com", perMinute * 0.3, 0.2),
                new CallGenerator.Sbc("sbc-eu.contoso.com", perMinute * 0.2, 0.15),
                new CallGenerator.Sbc("sbc-lab.contoso.com", perMinute * 0.1, 0.25)), List.of(),
                CallGenerator.Shape.FLAT, Duration.ZERO, Duration.ZERO, ZoneOffset.UTC);
        List<CallRow> rows = new ArrayList<>();
        generator.generate(NOW.minus(Duration.ofHours(3)), NOW, NOW, rows::add);
        rows.sort(Comparator.comparing(CallRow::startDateTime));
        if (rows.size() < count) {
            throw new IllegalStateException("generated " + rows.size() + " calls, fewer than " + count);
        }
        return new ArrayList<>(rows.subList(rows.size() - count, rows.size()));
    }

    /** The pages Graph would send, keyed by the request URI the client asks for. */
    static Map<String, byte[]> pages(List<CallRow> calls, URI base, URI first) {
        Map<String, byte[]> pages = new HashMap<>();
        String path = first.getRawPath();
        for (int skip = 0; skip < calls.size(); skip += 1000) {
            int end = Math.min(calls.size(), skip + 1000);
            String next = end < calls.size() ? base + path + "?$skip=" + end : null;
            pages.put(skip == 0 ? path : path + "?$skip=" + skip, GraphJson.page(calls.subList(skip, end), next));
        }
        return pages;
    }
}
