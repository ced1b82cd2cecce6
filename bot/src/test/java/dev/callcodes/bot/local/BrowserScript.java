package dev.callcodes.bot.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs one of src/test/node's browser scripts against the running app and fails with its output unless it finished
 * in time and exited 0. The script's output is printed, so a run's numbers reach the build log.
 */
final class BrowserScript {

    private BrowserScript() {
    }

    static void run(String script, int port, Path out, int minutes) throws Exception {
        Process process = new ProcessBuilder("node", "src/test/node/" + script, "http://localhost:" + port + "/",
                out.toString()).redirectErrorStream(true).start();
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "could not read the script's output: " + e;
            }
        });
        boolean finished = process.waitFor(minutes, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        String summary = output.get(10, TimeUnit.SECONDS);
        System.out.print(summary);

        assertThat(finished).as("%s finished within %d minutes", script, minutes).isTrue();
        assertThat(process.exitValue()).as(summary).isZero();
    }
}
