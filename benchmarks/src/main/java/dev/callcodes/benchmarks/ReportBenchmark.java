package dev.callcodes.benchmarks;

import dev.callcodes.catalog.explanation.CallCodes;
import dev.callcodes.catalog.intake.ReadingBudget;
import dev.callcodes.catalog.report.ReportSummary;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Summarizing an admin-center CSV export streamed from disk, as an upload is: the target is 100,000 rows in
 * at most 1 s within 100 MB of heap, so the fork runs with -Xmx100m.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx100m"})
public class ReportBenchmark {

    @Param({"100000"})
    int rows;

    private CallCodes codes;
    private Path export;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        codes = CallCodes.embedded();
        export = ReportHarness.writeExport(rows);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        Files.deleteIfExists(export);
    }

    @Benchmark
    public ReportSummary summarizeExport() throws IOException {
        try (Reader in = Files.newBufferedReader(export, StandardCharsets.UTF_8)) {
            return codes.explainReport(in, ReadingBudget.unlimited()).report().orElseThrow();
        }
    }
}
