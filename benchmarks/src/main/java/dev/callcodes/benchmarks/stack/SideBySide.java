package dev.callcodes.benchmarks.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * The bot beside the bare stack, in one run: the packaged bot ({@code bot/target/callcodes-bot.jar}, local mode)
 * and the echo bot ({@code benchmarks/echo-bot/target/echo-bot.jar}: the same Spring Boot, Bot Framework SDK,
 * controller and connector settings), each started fresh in every round with the same JVM options, in alternating
 * order, against the same stub connector and load generator. It prints every round, then the medians, their ratios
 * and the targets of issue 16.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.callcodes.benchmarks.stack.SideBySide [options]</pre>
 *
 * With {@code --profile DIR} it runs only the bot, under JFR, and prints the top frames of each load instead.
 */
public final class SideBySide {

    private static final Locale NUMBERS = Locale.US;
    private static final Duration LISTEN_TIMEOUT = Duration.ofSeconds(120);
    /** The first load after a start also warms the JIT for the others. */
    private static final Duration FIRST_WARMUP_EXTRA = Duration.ofSeconds(4);

    enum Bot {
        ECHO("echo bot"), CALLCODES("CallCodes");

        final String label;

        Bot(String label) {
            this.label = label;
        }
    }

    /** Command-line options; every default is what the results in docs/benchmarks.md used. */
    record Options(Path botJar, Path echoJar, int rounds, Duration warmup, Duration measure, int connections,
                   List<String> jvmOptions, Path profileDir, Duration profileMeasure, Bot profiled,
                   boolean startsOnly) {

        static Options parse(String[] args) {
            Map<String, String> given = new LinkedHashMap<>();
            for (int i = 0; i < args.length; i++) {
                if (!args[i].startsWith("--") || i + 1 >= args.length) {
                    throw new IllegalArgumentException("expected --option value, got '" + args[i] + "'");
                }
                given.put(args[i].substring(2), args[++i]);
            }
            Options options = new Options(
                    Path.of(given.getOrDefault("bot", "bot/target/callcodes-bot.jar")),
                    Path.of(given.getOrDefault("echo", "benchmarks/echo-bot/target/echo-bot.jar")),
                    Integer.parseInt(given.getOrDefault("rounds", "3")),
                    // Each bot is a fresh JVM every round, and 3 s measured CallCodes' paths half compiled: its
                    // messages took 4.5 ms of CPU each after 3 s, 2.6 ms after 8 s even under JFR.
                    Duration.ofSeconds(Long.parseLong(given.getOrDefault("warmup", "8"))),
                    Duration.ofSeconds(Long.parseLong(given.getOrDefault("seconds", "4"))),
                    Integer.parseInt(given.getOrDefault("connections", "16")),
                    List.of(given.getOrDefault("jvm", "-Xmx512m").trim().split("\\s+")),
                    given.containsKey("profile") ? Path.of(given.get("profile")) : null,
                    Duration.ofSeconds(Long.parseLong(given.getOrDefault("profile-seconds", "20"))),
                    switch (given.getOrDefault("profile-bot", "callcodes")) {
                        case "callcodes" -> Bot.CALLCODES;
                        case "echo" -> Bot.ECHO;
                        default -> throw new IllegalArgumentException("--profile-bot is callcodes or echo");
                    },
                    switch (given.getOrDefault("loads", "all")) {
                        case "all" -> false;
                        case "start" -> true;
                        default -> throw new IllegalArgumentException("--loads is all or start");
                    });
            given.keySet().removeAll(List.of("bot", "echo", "rounds", "warmup", "seconds", "connections", "jvm",
                    "profile", "profile-seconds", "profile-bot", "loads"));
            if (!given.isEmpty()) {
                throw new IllegalArgumentException("unknown option(s) " + given.keySet() + "; known: --bot JAR"
                        + " --echo JAR --rounds N --warmup S --seconds S --connections N --jvm 'OPTIONS'"
                        + " --loads all|start --profile DIR --profile-seconds S --profile-bot callcodes|echo");
            }
            return options;
        }
    }

    private final Options options;
    private final StubConnector connector;
    private final StubConnector slowConnector;
    private final Path logs;
    /** metric, then bot, then one value per round. */
    private final Map<String, Map<Bot, List<Double>>> results = new LinkedHashMap<>();

    private SideBySide(Options options) throws IOException {
        this.options = options;
        this.connector = new StubConnector(0);
        this.slowConnector = new StubConnector(100);
        this.logs = Files.createTempDirectory("callcodes-side-by-side-");
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        SideBySide harness = new SideBySide(options);
        try {
            if (options.profileDir() != null) {
                harness.profile();
            } else {
                harness.compare();
            }
        } finally {
            harness.connector.close();
            harness.slowConnector.close();
        }
    }

    // ---------------------------------------------------------------------------------------------------- compare

    private void compare() throws Exception {
        long begun = System.nanoTime();
        printMachine();
        System.out.printf(NUMBERS, "Options: %d rounds, warm-up %d s and %d s measured per load, %d connections,"
                        + " JVM options %s, logs in %s%n", options.rounds(), options.warmup().toSeconds(),
                options.measure().toSeconds(), options.connections(), String.join(" ", options.jvmOptions()), logs);
        generatorCeiling();
        for (int round = 1; round <= options.rounds(); round++) {
            List<Bot> order = round % 2 == 1 ? List.of(Bot.ECHO, Bot.CALLCODES) : List.of(Bot.CALLCODES, Bot.ECHO);
            System.out.printf(NUMBERS, "%nRound %d: %s first (load average %s)%n", round, order.get(0).label,
                    loadAverage());
            measureRound(order, round);
        }
        printSummary();
        System.out.printf(NUMBERS, "%nLoad average at the end: %s; the run took %.0f s%n", loadAverage(),
                (System.nanoTime() - begun) / 1e9);
    }

    /** What the generator and the stub manage with no bot between them: the harness's own ceiling. */
    private void generatorCeiling() throws InterruptedException {
        List<byte[]> requests = new ArrayList<>();
        for (int i = 0; i < options.connections(); i++) {
            requests.add(Http1.request("POST", "127.0.0.1:" + connector.port(),
                    "/v3/conversations/a%3Aceiling-" + i + "/activities/bench-activity", "application/json",
                    Activities.message(connector.serviceUrl(), "a:ceiling-" + i, Activities.QUESTION)));
        }
        LoadGenerator.Window window = new LoadGenerator(connector.port(), requests, 200)
                .run(Duration.ofSeconds(2), Duration.ofSeconds(3), () -> { }, () -> { });
        System.out.printf(NUMBERS, "Load generator ceiling (%d connections straight to the stub connector, no bot):"
                        + " %,.0f requests/s, p99 %.2f ms%n", options.connections(), window.perSecond(),
                window.percentileMillis(99));
    }

    /**
     * Both bots started one after the other (each alone on the machine while it starts), then every load run on
     * one and at once on the other, so that each pair of figures shares the machine's state of those seconds.
     */
    private void measureRound(List<Bot> order, int round) throws Exception {
        Map<Bot, BotProcess> processes = new LinkedHashMap<>();
        Map<Bot, Integer> ports = new LinkedHashMap<>();
        try {
            for (Bot bot : order) {
                Path jar = bot == Bot.ECHO ? options.echoJar() : options.botJar();
                connector.resetFirstReply();
                BotProcess process = BotProcess.start(bot.label, jar, options.jvmOptions(),
                        logs.resolve(bot.name().toLowerCase(Locale.ROOT) + "-round-" + round + ".log"));
                processes.put(bot, process);
                double start = firstAnsweredMessage(process);
                record("start", bot, start);
                ports.put(bot, process.awaitPort(LISTEN_TIMEOUT));
                System.out.printf(NUMBERS, "  %-10s %-32s %.2f s%n", bot.label, "start to first answered message",
                        start);
                if (options.startsOnly()) {
                    process.close();
                }
            }
            if (options.startsOnly()) {
                return;
            }
            for (Bot bot : order) {
                messages(bot, processes.get(bot), ports.get(bot), "messages", connector,
                        options.warmup().plus(FIRST_WARMUP_EXTRA));
            }
            for (String query : List.of("certificate", "510559")) {
                for (Bot bot : order) {
                    extension(bot, processes.get(bot), ports.get(bot), "me." + query, query);
                }
            }
            explainApi(Bot.CALLCODES, processes.get(Bot.CALLCODES), ports.get(Bot.CALLCODES));
            for (Bot bot : order) {
                messages(bot, processes.get(bot), ports.get(bot), "slow", slowConnector, Duration.ofSeconds(1));
            }
            for (Bot bot : order) {
                double rss = processes.get(bot).rssKiB() / 1024.0;
                record("rss", bot, rss);
                System.out.printf(NUMBERS, "  %-10s %-32s %.0f MiB%n", bot.label, "RSS after the load", rss);
            }
        } finally {
            for (BotProcess process : processes.values()) {
                process.close();
            }
        }
    }

    private void messages(Bot bot, BotProcess process, int port, String key, StubConnector stub, Duration warmup)
            throws Exception {
        List<byte[]> requests = perConnection(port, "/api/messages",
                i -> Activities.message(stub.serviceUrl(), "a:bench-" + i, Activities.QUESTION));
        long repliesBefore = stub.replies();
        Measured measured = measure(process, port, requests, 202, warmup, stub);
        LoadGenerator.Window window = measured.window();
        double replies = measured.counted() / window.seconds();
        long delivered = awaitReplies(stub, repliesBefore, window.totalOk());
        record(key + ".rate", bot, replies);
        record(key + ".p50", bot, window.percentileMillis(50));
        record(key + ".p99", bot, window.percentileMillis(99));
        record(key + ".cpu", bot, measured.cpuMillisPer(measured.counted()));
        System.out.printf(NUMBERS, "  %-10s %-32s %,7.0f replies/s counted at the %s, POST p50 %.1f ms p99 %.1f"
                        + " ms, %.2f ms CPU/reply, %d errors, %,d accepted / %,d delivered%s%n", bot.label,
                key.equals("slow") ? "messages, connector takes 100 ms" : "messages \"" + Activities.QUESTION + "\"",
                replies, key.equals("slow") ? "100 ms stub" : "stub", window.percentileMillis(50),
                window.percentileMillis(99), measured.cpuMillisPer(measured.counted()), window.errors(),
                window.totalOk(), delivered, errorNote(window));
    }

    private void extension(Bot bot, BotProcess process, int port, String key, String query) throws Exception {
        List<byte[]> requests = perConnection(port, "/api/messages",
                i -> Activities.extensionQuery(connector.serviceUrl(), "a:bench-" + i, query));
        Measured measured = measure(process, port, requests, 200, options.warmup(), null);
        LoadGenerator.Window window = measured.window();
        record(key + ".rate", bot, window.perSecond());
        record(key + ".p50", bot, window.percentileMillis(50));
        record(key + ".p99", bot, window.percentileMillis(99));
        record(key + ".bytes", bot, (double) window.bytesPerResponse());
        record(key + ".cpu", bot, measured.cpuMillisPer(window.ok()));
        System.out.printf(NUMBERS, "  %-10s %-32s %,7.0f invokes/s, p50 %.1f ms p99 %.1f ms, %,d bytes each,"
                        + " %.2f ms CPU/invoke, %d errors%s%n", bot.label, "extension query \"" + query + "\"",
                window.perSecond(), window.percentileMillis(50), window.percentileMillis(99),
                window.bytesPerResponse(), measured.cpuMillisPer(window.ok()), window.errors(), errorNote(window));
    }

    private void explainApi(Bot bot, BotProcess process, int port) throws Exception {
        byte[] body = Activities.explainRequest(Activities.QUESTION);
        List<byte[]> requests = perConnection(port, "/api/explain", i -> body);
        Measured measured = measure(process, port, requests, 200, options.warmup(), null);
        LoadGenerator.Window window = measured.window();
        record("explain.rate", bot, window.perSecond());
        record("explain.p50", bot, window.percentileMillis(50));
        record("explain.p99", bot, window.percentileMillis(99));
        record("explain.cpu", bot, measured.cpuMillisPer(window.ok()));
        System.out.printf(NUMBERS, "  %-10s %-32s %,7.0f requests/s, p50 %.1f ms p99 %.1f ms, %,d bytes each,"
                        + " %.2f ms CPU/request, %d errors%s%n", bot.label, "POST /api/explain", window.perSecond(),
                window.percentileMillis(50), window.percentileMillis(99), window.bytesPerResponse(),
                measured.cpuMillisPer(window.ok()), window.errors(), errorNote(window));
    }

    /** A window, what the stub counted inside it, and the bot's CPU time inside it. */
    private record Measured(LoadGenerator.Window window, long counted, double cpuSeconds, Instant from, Instant to) {
        double cpuMillisPer(long requests) {
            return requests == 0 ? Double.NaN : cpuSeconds * 1000 / requests;
        }
    }

    private Measured measure(BotProcess process, int port, List<byte[]> requests, int status, Duration warmup,
                             StubConnector counting) throws InterruptedException {
        return measure(process, port, requests, status, warmup, options.measure(), counting);
    }

    private static Measured measure(BotProcess process, int port, List<byte[]> requests, int status,
                                    Duration warmup, Duration measure, StubConnector counting)
            throws InterruptedException {
        long[] counted = new long[2];
        double[] cpu = new double[2];
        AtomicReference<Instant> from = new AtomicReference<>();
        AtomicReference<Instant> to = new AtomicReference<>();
        LoadGenerator.Window window = new LoadGenerator(port, requests, status).run(warmup, measure, () -> {
            from.set(Instant.now());
            counted[0] = counting == null ? 0 : counting.replies();
            cpu[0] = cpuSeconds(process);
        }, () -> {
            counted[1] = counting == null ? 0 : counting.replies();
            cpu[1] = cpuSeconds(process);
            to.set(Instant.now());
        });
        return new Measured(window, counted[1] - counted[0], cpu[1] - cpu[0], from.get(), to.get());
    }

    private static double cpuSeconds(BotProcess process) {
        try {
            return process.cpuSeconds();
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    private List<byte[]> perConnection(int port, String path, Function<Integer, byte[]> body) {
        List<byte[]> requests = new ArrayList<>();
        for (int i = 0; i < options.connections(); i++) {
            requests.add(Http1.request("POST", "127.0.0.1:" + port, path, "application/json", body.apply(i)));
        }
        return requests;
    }

    /**
     * Every accepted message must reach the connector. The echo bot's turn holds its POST until then; CallCodes
     * answers 202 first, so its last replies may arrive up to a connector round trip later.
     */
    private static long awaitReplies(StubConnector stub, long before, long accepted) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (stub.replies() - before < accepted && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return stub.replies() - before;
    }

    /**
     * Seconds from launching the JVM to the connector receiving the reply to the first message: the message is
     * posted as soon as the log shows the port, and again until it is accepted.
     */
    private double firstAnsweredMessage(BotProcess process) throws Exception {
        int port = process.awaitPort(LISTEN_TIMEOUT);
        byte[] request = Http1.request("POST", "127.0.0.1:" + port, "/api/messages", "application/json",
                Activities.message(connector.serviceUrl(), "a:startup", Activities.QUESTION));
        int sequenceSlot = Activities.sequenceSlot(request);
        long deadline = System.nanoTime() + LISTEN_TIMEOUT.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                socket.setTcpNoDelay(true);
                OutputStream out = socket.getOutputStream();
                Activities.number(request, sequenceSlot);
                out.write(request);
                out.flush();
                InputStream in = new java.io.BufferedInputStream(socket.getInputStream());
                Http1.Head head = Http1.readHead(in);
                if (head != null) {
                    last = "HTTP " + head.status();
                    Http1.skipBody(in, head);
                    if (head.status() == 202 && awaitFirstReply(Duration.ofSeconds(5))) {
                        return (connector.firstReplyNanos() - process.startedNanos) / 1e9;
                    }
                }
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(5);
        }
        throw new IllegalStateException(process.name + " answered no message within " + LISTEN_TIMEOUT + " (last: "
                + last + "); its log:\n" + process.tail());
    }

    private boolean awaitFirstReply(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (connector.firstReplyNanos() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        return connector.firstReplyNanos() != 0;
    }

    private void record(String metric, Bot bot, double value) {
        results.computeIfAbsent(metric, m -> new LinkedHashMap<>()).computeIfAbsent(bot, b -> new ArrayList<>())
                .add(value);
    }

    private double median(String metric, Bot bot) {
        return median(values(metric, bot));
    }

    private static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    // ---------------------------------------------------------------------------------------------------- summary

    private static final String ROW = "%-44s %10s %10s %8s  %-9s %-8s %s%n";

    private void printSummary() {
        System.out.printf(NUMBERS, "%nMedians of %d rounds; the ratio is CallCodes / echo bot, the median of the"
                + " rounds' ratios (each round measures both bots back to back)%n", options.rounds());
        System.out.printf(NUMBERS, ROW, "what", "echo bot", "CallCodes", "ratio", "target", "", "rounds: echo bot |"
                + " CallCodes | ratio");
        if (options.startsOnly()) {
            startRow();
            return;
        }
        compareRow("message replies/s (counted at the stub)", "messages.rate", "messages.rate", "%,.0f",
                Target.atLeast(0.9));
        compareRow("  message POST p99, ms", "messages.p99", "messages.p99", "%.1f", null);
        compareRow("  CPU ms per message", "messages.cpu", "messages.cpu", "%.2f", null);
        for (String query : List.of("certificate", "510559")) {
            String key = "me." + query;
            compareRow("extension query \"" + query + "\" invokes/s", key + ".rate", key + ".rate", "%,.0f",
                    Target.atLeast(0.5));
            compareRow("  p50, ms", key + ".p50", key + ".p50", "%.1f", null);
            compareRow("  p99, ms", key + ".p99", key + ".p99", "%.1f", Target.atMost(2.0));
            compareRow("  response bytes", key + ".bytes", key + ".bytes", "%,.0f", null);
            compareRow("  CPU ms per invoke", key + ".cpu", key + ".cpu", "%.2f", null);
        }
        compareRow("/api/explain requests/s (echo: messages/s)", "messages.rate", "explain.rate", "%,.0f",
                Target.atLeast(0.9));
        compareRow("  /api/explain p99, ms", null, "explain.p99", "%.1f", null);
        compareRow("  CPU ms per /api/explain", null, "explain.cpu", "%.2f", null);
        double slow = median("slow.rate", Bot.CALLCODES);
        compareRow("replies/s, connector answering in 100 ms", "slow.rate", "slow.rate", "%,.0f", null);
        System.out.printf(NUMBERS, ROW, "  CallCodes at least 500/s", "", "", "", ">= 500/s", verdict(slow >= 500),
                String.format(NUMBERS, "(a bot that holds the POST until the reply is delivered, as the echo"
                        + " bot does, gets at most %,.0f/s on %d connections)", options.connections() / 0.1,
                        options.connections()));
        compareRow("RSS after the load, MiB", "rss", "rss", "%.0f", Target.atMost(1.3));
        startRow();
    }

    private void startRow() {
        compareRow("start to first answered message, s", "start", "start", "%.2f", Target.atMost(1.2));
    }

    /** A ratio CallCodes / echo bot that passes at, above or below a bound. */
    private record Target(double bound, boolean atLeast) {
        static Target atLeast(double bound) {
            return new Target(bound, true);
        }

        static Target atMost(double bound) {
            return new Target(bound, false);
        }

        boolean met(double ratio) {
            return atLeast ? ratio >= bound : ratio <= bound;
        }

        @Override
        public String toString() {
            return String.format(NUMBERS, "%s %.1fx", atLeast ? ">=" : "<=", bound);
        }
    }

    private void compareRow(String label, String echoMetric, String botMetric, String format, Target target) {
        List<Double> echoRounds = echoMetric == null ? List.of() : values(echoMetric, Bot.ECHO);
        List<Double> botRounds = values(botMetric, Bot.CALLCODES);
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < Math.min(echoRounds.size(), botRounds.size()); i++) {
            ratios.add(botRounds.get(i) / echoRounds.get(i));
        }
        double ratio = median(ratios);
        String rounds = (echoRounds.isEmpty() ? "" : joined(echoRounds, format) + " | ") + joined(botRounds, format)
                + (ratios.isEmpty() ? "" : " | " + joined(ratios, "%.2f"));
        System.out.printf(NUMBERS, ROW, label,
                echoRounds.isEmpty() ? "" : String.format(NUMBERS, format, median(echoRounds)),
                String.format(NUMBERS, format, median(botRounds)),
                ratios.isEmpty() ? "" : String.format(NUMBERS, "%.2fx", ratio),
                target == null ? "" : target.toString(),
                target == null || ratios.isEmpty() ? "" : verdict(target.met(ratio)), rounds);
    }

    private List<Double> values(String metric, Bot bot) {
        return results.getOrDefault(metric, Map.of()).getOrDefault(bot, List.of());
    }

    private static String joined(List<Double> values, String format) {
        return String.join(" ", values.stream().map(v -> String.format(NUMBERS, format, v)).toList());
    }

    private static String verdict(boolean met) {
        return met ? "met" : "NOT MET";
    }

    private static void printMachine() throws IOException {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("unknown CPU");
        String memory = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                .findFirst().map(l -> l.replaceAll("\\D+", "")).map(kb -> Long.parseLong(kb) / 1024 / 1024 + " GiB")
                .orElse("?");
        System.out.printf(NUMBERS, "Side by side: echo bot and CallCodes, %s%n", Instant.now());
        System.out.printf(NUMBERS, "Machine: %d cores (%s), %s, %s %s; load average at the start: %s%n",
                Runtime.getRuntime().availableProcessors(), cpu, memory, System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"), loadAverage());
    }

    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String errorNote(LoadGenerator.Window window) {
        return window.firstError() == null ? "" : " (first error: " + window.firstError() + ")";
    }

    // ---------------------------------------------------------------------------------------------------- profile

    /** One bot alone under JFR; the top frames of each load, read back from the recording. */
    private void profile() throws Exception {
        Bot bot = options.profiled();
        String name = bot.name().toLowerCase(Locale.ROOT);
        Files.createDirectories(options.profileDir());
        Path recording = options.profileDir().toAbsolutePath().resolve(name + ".jfr");
        Files.deleteIfExists(recording);
        List<String> jvm = new ArrayList<>(options.jvmOptions());
        // profile.jfc samples every 10 ms; 2 ms gives enough samples in a short window on a busy machine
        jvm.add("-XX:StartFlightRecording=filename=" + recording + ",settings=profile,dumponexit=true,"
                + "jdk.ExecutionSample#period=2ms");
        jvm.add("-XX:FlightRecorderOptions=stackdepth=256");
        printMachine();
        System.out.printf(NUMBERS, "Profiling %s under JFR (%s): %d s per load after a %d s warm-up%n",
                bot.label, String.join(" ", jvm), options.profileMeasure().toSeconds(),
                options.warmup().plus(FIRST_WARMUP_EXTRA).toSeconds());
        Map<String, Measured> windows = new LinkedHashMap<>();
        BotProcess process = BotProcess.start(bot.label, bot == Bot.ECHO ? options.echoJar() : options.botJar(), jvm,
                options.profileDir().resolve(name + ".log"));
        try {
            System.out.printf(NUMBERS, "  start to first answered message %.2f s%n", firstAnsweredMessage(process));
            int port = process.awaitPort(LISTEN_TIMEOUT);
            Duration warmup = options.warmup().plus(FIRST_WARMUP_EXTRA);
            windows.put("messages \"" + Activities.QUESTION + "\"", measure(process, port,
                    perConnection(port, "/api/messages", i -> Activities.message(connector.serviceUrl(),
                            "a:bench-" + i, Activities.QUESTION)), 202, warmup, options.profileMeasure(), connector));
            for (String query : List.of("certificate", "510559")) {
                windows.put("extension query \"" + query + "\"", measure(process, port,
                        perConnection(port, "/api/messages", i -> Activities.extensionQuery(connector.serviceUrl(),
                                "a:bench-" + i, query)), 200, warmup, options.profileMeasure(), null));
            }
        } finally {
            process.close();
        }
        for (Map.Entry<String, Measured> entry : windows.entrySet()) {
            Measured measured = entry.getValue();
            long requests = measured.counted() > 0 ? measured.counted() : measured.window().ok();
            System.out.printf(NUMBERS, "%n=== %s: %,.0f/s, p99 %.1f ms, %.2f ms CPU each, under JFR%n",
                    entry.getKey(), requests / measured.window().seconds(), measured.window().percentileMillis(99),
                    measured.cpuMillisPer(requests));
            JfrTop.print(recording, measured.from(), measured.to(), requests, System.out);
        }
        System.out.printf(NUMBERS, "%nRecording: %s; load average at the end: %s%n", recording, loadAverage());
    }
}
