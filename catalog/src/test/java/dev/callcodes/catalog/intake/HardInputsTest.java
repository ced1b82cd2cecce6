package dev.callcodes.catalog.intake;

import dev.callcodes.catalog.TestCatalog;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Every class of input that once took quadratic time or blew the stack (the hardening probe's findings) is read at
 * a million characters: an answer comes back and nothing is thrown. How the time grows with the size is measured
 * by {@code LinearTimeHarness} in benchmarks, not here; the guard below only stops a reader that has gone
 * quadratic again from hanging the build (a million characters took over an hour before the fix, and all of
 * these together take about a second now).
 */
class HardInputsTest {

    private static final int SIZE = 1_000_000;
    private static final Duration HANG_GUARD = Duration.ofMinutes(3);

    @Test
    void everyHardInputIsReadAtAMillionCharacters() {
        Map<String, IntFunction<String>> inputs = HardInputs.all();
        List<String> problems = new ArrayList<>();
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            for (Map.Entry<String, IntFunction<String>> input : inputs.entrySet()) {
                try {
                    assertThat(TestCatalog.codes().explain(input.getValue().apply(SIZE))).isNotNull();
                } catch (RuntimeException | StackOverflowError e) {
                    problems.add(input.getKey() + ": " + e);
                }
            }
        });
        assertThat(problems).isEmpty();
    }
}
