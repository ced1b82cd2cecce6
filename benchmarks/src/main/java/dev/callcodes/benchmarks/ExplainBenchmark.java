package dev.callcodes.benchmarks;

import dev.callcodes.catalog.explanation.CallCodes;
import dev.callcodes.catalog.explanation.Explanation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The path the bot really takes for a message, without the card: the façade from raw text to the reply kind and
 * the answers ({@code CallCodes.explain}), for a chat question and for a 40-row paste of the admin center's grid.
 * Target on this machine: at most 50 µs for the question.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar ExplainBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ExplainBenchmark {

    private CallCodes codes;
    private String paste;

    @Setup
    public void setUp() {
        codes = CallCodes.embedded();
        paste = paste(40);
    }

    /** "what is 510559 403": one answer. */
    @Benchmark
    public Explanation question() {
        return codes.explain("what is 510559 403");
    }

    /** 40 rows copied from the admin center's Direct Routing grid, with their header: a report. */
    @Benchmark
    public Explanation paste40Rows() {
        return codes.explain(paste);
    }

    /** Rows in the shape the admin center's grid copies them (tab-separated, with the header row). */
    static String paste(int rows) {
        StringBuilder text = new StringBuilder("Start time\tDisplay name\tCaller number\tCallee number\tCall type"
                + "\tSBC FQDN\tFinal SIP code\tFinal Microsoft subcode\tFinal SIP phrase\tCorrelation ID\n");
        for (int i = 0; i < rows; i++) {
            boolean routing = i % 2 == 0;
            text.append(String.format("11/%02d/2024, 9:%02d:03 AM\tUser %d\t+1425555%04d\t+4420712%04d\tdr_out"
                            + "\tsbc%d.contoso.com\t%s\t%s\t%s\t6f4d0c3b-5105-4593-8403-%012d\n",
                    1 + i % 28, i % 60, i, i, i, 1 + i % 2, routing ? "403" : "504", routing ? "510559" : "56900" + (2 + i % 7),
                    routing ? "Get Outbound routing - No viable path (Forbidden)" : "Unable to deliver INVITE",
                    i));
        }
        return text.toString();
    }
}
