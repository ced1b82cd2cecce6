package dev.callcodes.catalog.report;

import dev.callcodes.catalog.Wording;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.io.StringWriter;
import java.util.List;

/**
 * The per-pair breakdown of a report as CSV (RFC 4180), for Excel: one row per failed pair, most frequent first.
 * Cells that a spreadsheet would run as a formula are defused, since phrases come from the user's file.
 */
public final class PairCsv {

    static final List<String> HEADER = List.of("Microsoft code", "SIP code", "Failed calls", "Share of failed calls",
            "Originator", "Phrase", "Example correlation ID");

    private PairCsv() {
    }

    public static void write(ReportSummary summary, Writer out) throws IOException {
        write(summary, Integer.MAX_VALUE, out);
    }

    /** The {@code maxPairs} most frequent pairs only: where the file must stay small (a Teams card's context). */
    public static void write(ReportSummary summary, int maxPairs, Writer out) throws IOException {
        line(out, HEADER);
        for (ReportSummary.PairCount p : summary.pairs().subList(0, Math.min(maxPairs, summary.pairs().size()))) {
            line(out, List.of(
                    p.microsoftCode() == null ? "" : p.microsoftCode(),
                    p.sipCode() == null ? "" : p.sipCode().toString(),
                    Long.toString(p.count()), // bare, not Wording.number: a spreadsheet reads "1,527" as text
                    Wording.share(p.share()),
                    p.originator().name(),
                    p.phrase() == null ? "" : p.phrase(),
                    p.exampleCorrelationId() == null ? "" : p.exampleCorrelationId()));
        }
    }

    public static String toString(ReportSummary summary) {
        return toString(summary, Integer.MAX_VALUE);
    }

    public static String toString(ReportSummary summary, int maxPairs) {
        StringWriter out = new StringWriter();
        try {
            write(summary, maxPairs, out);
        } catch (IOException e) {
            throw new UncheckedIOException("a StringWriter failed", e);
        }
        return out.toString();
    }

    private static void line(Writer out, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(cell(cells.get(i)));
        }
        out.write("\r\n");
    }

    static String cell(String value) {
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        boolean quote = safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0
                || safe.indexOf('\r') >= 0;
        return quote ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
    }
}
