package dev.callcodes.benchmarks.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bot jar started as a user starts it ({@code java OPTIONS -jar JAR}), on a port the OS picks, with no app ID
 * (authentication off), its output in a log file. Only this process is ever stopped, by its own handle.
 */
final class BotProcess implements AutoCloseable {

    private static final Pattern PORT = Pattern.compile("Tomcat started on port (?:\\(s\\): )?(\\d+)");
    /** Settings that would turn authentication on or change the bot's tuning: never inherited. */
    private static final List<String> CLEARED = List.of("MicrosoftAppId", "MicrosoftAppPassword", "MicrosoftAppType",
            "MicrosoftAppTenantId", "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS");

    /** Bots still running: a harness stopped with Ctrl-C stops them too (its own children, by their handles). */
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroy), "stop-bots"));
    }

    final String name;
    private final Process process;
    private final Path log;
    final long startedNanos;

    private BotProcess(String name, Process process, Path log, long startedNanos) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.startedNanos = startedNanos;
    }

    static BotProcess start(String name, Path jar, List<String> jvmOptions, Path log) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException(name + ": " + jar + " does not exist; build it first with"
                    + " ./mvnw -q -B -DskipTests package");
        }
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        CLEARED.forEach(env::remove);
        env.keySet().removeIf(key -> key.startsWith("CALLCODES_"));
        env.put("PORT", "0");
        // A store of its own next to its log: the working folder's data/ would keep one run's state for the next.
        env.put("CALLCODES_DATA_DIR", log.resolveSibling(log.getFileName() + ".data").toString());
        long started = System.nanoTime();
        Process process = builder.start();
        RUNNING.add(process);
        return new BotProcess(name, process, log, started);
    }

    long pid() {
        return process.pid();
    }

    /** Waits for the web server's port in the log. */
    int awaitPort(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " before it listened;"
                        + " its log:\n" + tail());
            }
            if (Files.exists(log)) {
                Matcher matcher = PORT.matcher(Files.readString(log, StandardCharsets.UTF_8));
                if (matcher.find()) {
                    return Integer.parseInt(matcher.group(1));
                }
            }
            Thread.sleep(5);
        }
        throw new IllegalStateException(name + " did not listen within " + timeout + "; its log:\n" + tail());
    }

    /** Resident memory from /proc/PID/status (VmRSS), in KiB. */
    long rssKiB() throws IOException {
        return procStatus("VmRSS:");
    }

    long procStatus(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
            if (line.startsWith(field)) {
                return Long.parseLong(line.substring(field.length()).replace("kB", "").strip());
            }
        }
        throw new IOException(field + " not in /proc/" + pid() + "/status");
    }

    /** User plus system CPU time the process has used, in seconds (/proc/PID/stat, clock ticks of 1/100 s). */
    double cpuSeconds() throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid()), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // after the command: state is field 3 of stat(5), utime field 14, stime field 15
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
    }

    String tail() throws IOException {
        if (!Files.exists(log)) {
            return "(no log)";
        }
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    /** SIGTERM, as a container stop sends it (a JFR recording is written on the way out), then SIGKILL. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            // Interrupted while stopping: make sure it dies, and keep the interrupt for the caller.
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        RUNNING.remove(process);
    }
}
