package dev.callcodes.benchmarks;

import dev.callcodes.catalog.explanation.CallCodes;
import dev.callcodes.catalog.intake.HardInputs;

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
        for (Map.Entry<String, IntFunction<String>> input : HardInputs.all().entrySet()) {
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
