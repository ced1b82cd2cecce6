package dev.callcodes.benchmarks;

import dev.callcodes.catalog.explanation.CallCodes;
import dev.callcodes.catalog.intake.ReadingBudget;
import dev.callcodes.catalog.report.ReportSummary;
import dev.callcodes.catalog.report.SyntheticExport;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The report target measured the plain way, for docs/benchmarks.md: generate an export of N rows, summarize it from disk
 * several times, print the times and the peak heap the JVM saw. Run it under {@code -Xmx100m} so that finishing at
 * all proves the memory bound.
 *
 * <pre>java -Xmx100m -cp benchmarks/target/benchmarks.jar dev.callcodes.benchmarks.ReportHarness 100000</pre>
 */
public final class ReportHarness {

    private static final int RUNS = 10;

    private ReportHarness() {
    }

    public static void main(String[] args) throws IOException {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path export = writeExport(rows);
        try {
            CallCodes codes = CallCodes.embedded();
            HeapPeaks.reset();
            long[] millis = new long[RUNS];
            ReportSummary summary = null;
            for (int run = 0; run < RUNS; run++) {
                long started = System.nanoTime();
                try (Reader in = Files.newBufferedReader(export, StandardCharsets.UTF_8)) {
                    summary = codes.explainReport(in, ReadingBudget.unlimited()).report().orElseThrow();
                }
                millis[run] = (System.nanoTime() - started) / 1_000_000;
            }
            long[] sorted = millis.clone();
            Arrays.sort(sorted);
            System.out.printf("rows %,d (%,d bytes): %,d read, %,d failed, %,d unreadable%n", rows, Files.size(export),
                    summary.rowsRead(), summary.failedCalls(), summary.unreadableRows());
            System.out.printf("time per summary: first %d ms, median %d ms, best %d ms (%d runs)%n",
                    millis[0], sorted[RUNS / 2], sorted[0], RUNS);
            System.out.printf("peak heap used: %.1f MB (max heap %.0f MB)%n", HeapPeaks.peakBytes() / 1e6,
                    Runtime.getRuntime().maxMemory() / 1e6);
        } finally {
            Files.deleteIfExists(export);
        }
    }

    static Path writeExport(int rows) throws IOException {
        Path file = Files.createTempFile("callcodes-export-", ".csv");
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            SyntheticExport.write(out, rows, 42);
        }
        return file;
    }
}
