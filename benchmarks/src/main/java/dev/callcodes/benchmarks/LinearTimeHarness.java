package dev.callcodes.benchmarks;

import dev.callcodes.catalog.explanation.CallCodes;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Reading time by input size, for every class of input that once took quadratic time or blew the stack (the
 * hardening probe's findings) and a few more. Each input is explained at 10,000, 100,000 and 1,000,000 characters
 * (the fastest of three reads each) and the slope printed: 1.0 is linear, 2.0 quadratic. It exits 1 when any
 * slope is over {@value #MAX_SLOPE}. A measure, so it lives here and not in the tests (a loaded test machine
 * once turned a linear 10 into 42); the tests keep the hard cases as inputs that must be read at all.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.callcodes.benchmarks.LinearTimeHarness</pre>
 */
public final class LinearTimeHarness {

    private static final int SMALL = 10_000;
    private static final int MEDIUM = 100_000;
    private static final int LARGE = 1_000_000;
    /** Between linear (1.0) and quadratic (2.0), with room for a noisy machine. */
    static final double MAX_SLOPE = 1.5;

    private LinearTimeHarness() {
    }

    public static void main(String[] args) {
        CallCodes codes = CallCodes.embedded();
        int over = 0;
        System.out.println("reading time by input size (slope 1.0 is linear, 2.0 quadratic):");
        for (Map.Entry<String, IntFunction<String>> input : hardInputs().entrySet()) {
            long small = fastest(codes, input.getValue().apply(SMALL));
            long medium = fastest(codes, input.getValue().apply(MEDIUM));
            long large = fastest(codes, input.getValue().apply(LARGE));
            double slope = Math.log((double) large / Math.max(1, medium)) / Math.log(10);
            boolean bad = slope > MAX_SLOPE;
            over += bad ? 1 : 0;
            System.out.println(String.format(Locale.ROOT, "  %-36s 10k %6.1f ms, 100k %7.1f ms, 1M %8.1f ms: slope %.2f%s",
                    input.getKey(), small / 1e6, medium / 1e6, large / 1e6, slope, bad ? "  OVER" : ""));
        }
        System.out.println(over == 0 ? "every input is read in linear time" : over + " inputs over slope " + MAX_SLOPE);
        System.exit(over == 0 ? 0 : 1);
    }

    /** The inputs, by name, as a function of their length in characters. */
    static Map<String, IntFunction<String>> hardInputs() {
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
        return inputs;
    }

    /** The fastest of three reads: the least disturbed by the rest of the machine. */
    private static long fastest(CallCodes codes, String text) {
        long best = Long.MAX_VALUE;
        for (int run = 0; run < 3; run++) {
            long start = System.nanoTime();
            codes.explain(text);
            best = Math.min(best, System.nanoTime() - start);
        }
        return best;
    }
}
