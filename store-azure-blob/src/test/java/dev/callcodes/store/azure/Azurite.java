package dev.callcodes.store.azure;

import dev.callcodes.store.StoreSettings;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Azurite's Blob service, started by the tests themselves: once per test JVM, on a port the OS picks
 * ({@code --blobPort 0}), data in memory, stopped when the JVM exits. It comes from npm
 * ({@code store-azure-blob/src/test/node}, pinned by its package-lock.json), installed with {@code npm ci} on first
 * use. Set {@code -Dazurite.home=DIR} to use another install.
 */
public final class Azurite {

    /** Azurite's well-known development account (public, documented by Microsoft; not a secret). */
    static final String ACCOUNT = "devstoreaccount1";
    static final String ACCOUNT_KEY =
            "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private static final Pattern LISTENING = Pattern.compile("listens on (http://127\\.0\\.0\\.1:(\\d+))");

    private static Azurite running;

    private final Process process;
    private final int port;
    private final Deque<String> lastLines;

    private Azurite(Process process, int port, Deque<String> lastLines) {
        this.process = process;
        this.port = port;
        this.lastLines = lastLines;
    }

    /** The running emulator, started on first use. */
    public static synchronized Azurite get() {
        if (running == null || !running.process.isAlive()) {
            running = start();
        }
        return running;
    }

    public int port() {
        return port;
    }

    /** A connection string for Azurite (the account key is Azurite's public development key). */
    public String connectionString() {
        return "DefaultEndpointsProtocol=http;AccountName=" + ACCOUNT + ";AccountKey=" + ACCOUNT_KEY
                + ";BlobEndpoint=http://127.0.0.1:" + port + "/" + ACCOUNT + ";";
    }

    /** Settings for a container of its own, as {@code CALLCODES_STORE=azure-blob} would give. */
    public StoreSettings settings(String container) {
        return new StoreSettings(StoreSettings.Kind.AZURE_BLOB, null, null, container, connectionString());
    }

    /** A store client on a new, empty container. */
    public BlobDocumentStore newStore(Clock clock) {
        return BlobDocumentStore.open(settings(newContainerName()), clock);
    }

    public static String newContainerName() {
        return "test-" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    }

    private static Azurite start() {
        Path home = home();
        Path main = home.resolve("node_modules/azurite/dist/src/blob/main.js");
        if (!Files.isRegularFile(main)) {
            install(home);
        }
        try {
            Process process = new ProcessBuilder("node", main.toString(), "--blobHost", "127.0.0.1", "--blobPort", "0",
                    "--inMemoryPersistence", "--skipApiVersionCheck", "--loose", "--silent")
                    .directory(home.toFile()).redirectErrorStream(true).start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process)));
            BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            Deque<String> lines = new ArrayDeque<>();
            for (String line = output.readLine(); line != null; line = output.readLine()) {
                remember(lines, line);
                Matcher listening = LISTENING.matcher(line);
                if (listening.find()) {
                    Azurite azurite = new Azurite(process, Integer.parseInt(listening.group(2)), lines);
                    Thread drain = new Thread(() -> azurite.drain(output), "azurite-output");
                    drain.setDaemon(true);
                    drain.start();
                    return azurite;
                }
            }
            throw new IllegalStateException("Azurite stopped before listening: " + String.join(" | ", lines));
        } catch (IOException e) {
            throw new IllegalStateException("could not start Azurite with node (Node.js 18+ is a prerequisite,"
                    + " see README): " + e.getMessage(), e);
        }
    }

    private static Path home() {
        String configured = System.getProperty("azurite.home");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        // Surefire runs in the module's folder: store-azure-blob itself, or a sibling such as team.
        return Path.of("..", "store-azure-blob", "src", "test", "node").toAbsolutePath().normalize();
    }

    private static void install(Path home) {
        try {
            Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(home.toFile())
                    .redirectErrorStream(true).start();
            String output = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!npm.waitFor(10, TimeUnit.MINUTES) || npm.exitValue() != 0) {
                throw new IllegalStateException("npm ci in " + home + " failed: " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Azurite is not installed in " + home + " and npm could not run"
                    + " (Node.js and npm are prerequisites, see README): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while installing Azurite", e);
        }
    }

    private void drain(BufferedReader output) {
        try {
            for (String line = output.readLine(); line != null; line = output.readLine()) {
                synchronized (lastLines) {
                    remember(lastLines, line);
                }
            }
        } catch (IOException closed) {
            // the emulator stopped
        }
    }

    private static void remember(Deque<String> lines, String line) {
        lines.addLast(line);
        if (lines.size() > 20) {
            lines.removeFirst();
        }
    }

    private static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
        }
    }
}
