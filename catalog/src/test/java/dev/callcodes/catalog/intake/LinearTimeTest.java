package dev.callcodes.catalog.intake;

import dev.callcodes.catalog.TestCatalog;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading time grows in proportion to the input, for every class of input that once took quadratic time or blew
 * the stack (the hardening probe's findings) and a few more. Each input is explained at 10,000, 100,000 and
 * 1,000,000 characters; the test asserts the ratio of the largest to the middle size, not a wall time: linear
 * reading gives about 10, quadratic about 100. The slopes are printed (1.0 is linear).
 */
class LinearTimeTest {

    private static final int SMALL = 10_000;
    private static final int MEDIUM = 100_000;
    private static final int LARGE = 1_000_000;
    /** Generous for a loaded machine: a quadratic reader would be at 100. */
    private static final double MAX_RATIO = 35;

    @Test
    void readingTimeIsLinearInTheInputForEveryHardCase() {
        Map<String, IntFunction<String>> inputs = new LinkedHashMap<>();
        inputs.put("a run of letters without spaces", n -> "a".repeat(n));
        inputs.put("a run of digits without spaces", n -> "1".repeat(n));
        inputs.put("a run of hex digits (GUID-like)", n -> "a1".repeat(n / 2));
        inputs.put("a label followed by spaces", n -> "Final SIP code:" + " ".repeat(n) + "403");
        inputs.put("a label followed by tabs", n -> "Final Microsoft subcode:" + "\t".repeat(n) + "510559");
        inputs.put("'<a ' repeated", n -> "<a ".repeat(n / 3));
        inputs.put("'<at> ' repeated", n -> "<at> ".repeat(n / 5));
        inputs.put("'<p>' repeated (HTML)", n -> "<p>".repeat(n / 3));
        inputs.put("a port followed by a long list", n -> "port " + "1,".repeat(n / 2));
        inputs.put("a CSV cell of 'a.a.a...'", n -> "Final SIP code,Final Microsoft subcode,SBC FQDN\n403,510559,"
                + "a.".repeat(n / 2));
        inputs.put("many SIP codes on one line", n -> "403 ".repeat(n / 4));
        inputs.put("many pairs on one line", n -> "510559 403 ".repeat(n / 11));
        inputs.put("many pairs, one per line", n -> "510559 403\n".repeat(n / 11));
        inputs.put("'+1' repeated (phone-like)", n -> "+1".repeat(n / 2));
        inputs.put("digits separated by single spaces", n -> "1 ".repeat(n / 2));
        inputs.put("nested JSON arrays", n -> "[".repeat(n));
        inputs.put("an unclosed JSON string", n -> "{\"finalSipCode\": 403, \"phrase\": \"" + "x".repeat(n));
        inputs.put("entities", n -> "&amp;".repeat(n / 5));
        inputs.put("a Markdown table of many rows", n -> "| SIP code | Microsoft code |\n|---|---|\n"
                + "| 403 | 510559 |\n".repeat(n / 17));
        inputs.put("SIP header lines", n -> "SIP/2.0 403 Forbidden\n" + "Via: SIP/2.0/TLS 10.0.0.1:5061\n".repeat(n / 31));
        inputs.put("Reason headers", n -> "Reason: Q.850;cause=16;text=\"" + "a;".repeat(n / 2) + "\"");
        inputs.put("phrases without spaces between", n -> "Forbidden;".repeat(n / 10));
        List<String> slopes = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, IntFunction<String>> input : inputs.entrySet()) {
            long small = fastest(input.getValue().apply(SMALL));
            long medium = fastest(input.getValue().apply(MEDIUM));
            long large = fastest(input.getValue().apply(LARGE));
            double ratio = (double) large / Math.max(1, medium);
            double slope = Math.log(ratio) / Math.log(10);
            slopes.add(String.format("%-36s 10k %6.1f ms, 100k %7.1f ms, 1M %8.1f ms: slope %.2f", input.getKey(),
                    small / 1e6, medium / 1e6, large / 1e6, slope));
            if (ratio > MAX_RATIO) {
                problems.add(input.getKey() + ": 10 times the input took " + String.format("%.0f", ratio)
                        + " times as long");
            }
        }
        System.out.println("reading time by input size (slope 1.0 is linear, 2.0 quadratic):");
        slopes.forEach(line -> System.out.println("  " + line));
        assertThat(problems).isEmpty();
    }

    /** The fastest of three reads: the least disturbed by the rest of the machine. */
    private static long fastest(String text) {
        long best = Long.MAX_VALUE;
        for (int run = 0; run < 3; run++) {
            long start = System.nanoTime();
            TestCatalog.codes().explain(text);
            best = Math.min(best, System.nanoTime() - start);
        }
        return best;
    }
}
