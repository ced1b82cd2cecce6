package dev.callcodes.store.embedded;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills a writing process (SIGKILL, {@code destroyForcibly}) at random moments, again and again, and checks after
 * each kill that the document is whole, is at least the last version the writer reported, and that reopening removes
 * the temporary files the kill left behind.
 */
class CrashSafetyTest {

    static final int ROUNDS = 20;

    @TempDir
    Path dir;

    @Test
    void aKilledWriterLeavesTheLastWrittenDocumentReadable() throws Exception {
        Random random = new Random(14);
        int killedWithTempFile = 0;
        long lastSeen = -1;
        for (int round = 0; round < ROUNDS; round++) {
            Process child = startWriter();
            BufferedReader output = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8));
            long acknowledged = waitForWrites(output, 1 + random.nextInt(4));
            Thread.sleep(random.nextInt(30));
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            acknowledged = Math.max(acknowledged, drain(output));
            if (temporaryFiles() > 0) {
                killedWithTempFile++;
            }
            try (FileDocumentStore store = FileDocumentStore.open(dir, Clock.systemUTC())) {
                long n = CrashWriter.sequence(store.read("crash/doc").orElseThrow().content());
                assertThat(n).as("round %d: the document holds a version the writer reported", round)
                        .isGreaterThanOrEqualTo(acknowledged).isGreaterThan(lastSeen);
                for (int i = 0; i < 3; i++) {
                    store.read("crash/other-" + i).ifPresent(d -> CrashWriter.sequence(d.content()));
                }
                lastSeen = n;
            }
            assertThat(temporaryFiles()).as("reopening removed the leftovers").isZero();
        }
        System.out.printf("crash test: %d writer processes killed mid-run, %d of them with a write in flight"
                + " (a temporary file left); every time the document was whole and at least the last reported"
                + " version (last: %d)%n", ROUNDS, killedWithTempFile, lastSeen);
    }

    private Process startWriter() throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), CrashWriter.class.getName(),
                dir.toString()).redirectErrorStream(true).start();
    }

    /** Reads the child's output until it has reported {@code writes} writes; returns the last reported. */
    private static long waitForWrites(BufferedReader out, int writes) throws IOException {
        long last = -1;
        int seen = 0;
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (!line.startsWith("wrote ")) {
                throw new AssertionError("the writer said: " + line);
            }
            last = Long.parseLong(line.substring(6));
            if (++seen >= writes) {
                return last;
            }
        }
        throw new AssertionError("the writer stopped before writing");
    }

    /** The last write the child reported before it died (lines already in the pipe count: they were printed). */
    private static long drain(BufferedReader out) {
        long last = -1;
        try {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("wrote ")) {
                    last = Long.parseLong(line.substring(6));
                }
            }
        } catch (IOException closedWithTheProcess) {
            // what was read so far is what the child printed
        }
        return last;
    }

    private long temporaryFiles() throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> p.getFileName().toString().startsWith(FileDocumentStore.TEMP_PREFIX)).count();
        }
    }
}
