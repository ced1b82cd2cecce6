package dev.callcodes.catalog.report;

import dev.callcodes.catalog.explain.Answer;
import dev.callcodes.catalog.explain.Explainer;
import dev.callcodes.catalog.text.Markup;
import dev.callcodes.catalog.text.RecordFormat;
import dev.callcodes.catalog.text.RecordReader;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Summaries of pasted and uploaded reports, and the one explanation every surface gives: the answers for the codes
 * in the text, plus a summary when the text holds a report. Thread-safe; build once and share.
 */
public final class Reports {

    /**
     * Text up to this size is read whole, so codes in prose around a table are answered too; larger input (an
     * uploaded month of calls) is streamed.
     */
    public static final int WHOLE_TEXT_CHARS = 4 << 20;

    private final Explainer explainer;
    private final RecordReader reader = new RecordReader();

    public Reports(Explainer explainer) {
        this.explainer = Objects.requireNonNull(explainer, "explainer");
    }

    public Explainer explainer() {
        return explainer;
    }

    /** The answers and, for a report, its summary. */
    public record Explanation(List<Answer> answers, Optional<ReportSummary> summary) {
    }

    /**
     * Explains chat text, a REST body or a small file. A report and nothing else (no prose around it) is answered
     * from its summary: its failed pairs, counted. Reading it again for codes anywhere would cost seconds on a
     * month of calls and add only the normal-clearing pairs.
     */
    public Explanation explain(String text) {
        String plain = text == null ? "" : Markup.toPlainText(text);
        Optional<ReportSummary> summary = summarize(plain).filter(ReportSummary::isReport);
        if (summary.isPresent() && summary.get().otherLines() == 0) {
            return new Explanation(summary.get().failureAnswers(), summary);
        }
        return new Explanation(explainer.explain(plain), summary);
    }

    /** Explains a stream of any size: read whole when small, streamed beyond {@link #WHOLE_TEXT_CHARS}. */
    public Explanation explain(Reader in) throws IOException {
        StringBuilder head = new StringBuilder();
        char[] buffer = new char[1 << 13];
        int n;
        while (head.length() <= WHOLE_TEXT_CHARS && (n = in.read(buffer)) > 0) {
            head.append(buffer, 0, n);
        }
        if (head.length() <= WHOLE_TEXT_CHARS) {
            return explain(head.toString());
        }
        ReportSummary summary = summarize(new PrefixedReader(head, in));
        return new Explanation(summary.failureAnswers(), Optional.of(summary).filter(ReportSummary::isReport));
    }

    /** What was already read, then the rest of the stream. */
    private static final class PrefixedReader extends Reader {
        private final CharSequence prefix;
        private final Reader rest;
        private int position;

        PrefixedReader(CharSequence prefix, Reader rest) {
            this.prefix = prefix;
            this.rest = rest;
        }

        @Override
        public int read(char[] target, int offset, int length) throws IOException {
            if (position >= prefix.length()) {
                return rest.read(target, offset, length);
            }
            int count = Math.min(length, prefix.length() - position);
            for (int i = 0; i < count; i++) {
                target[offset + i] = prefix.charAt(position++);
            }
            return count;
        }

        @Override
        public void close() throws IOException {
            rest.close();
        }
    }

    /** Summarizes a report read as it streams; the caller closes the reader. */
    public ReportSummary summarize(Reader in) throws IOException {
        ReportBuilder builder = new ReportBuilder();
        RecordFormat format = reader.read(in, builder);
        return builder.build(format, explainer);
    }

    private Optional<ReportSummary> summarize(String plainText) {
        try {
            return Optional.of(summarize(new StringReader(plainText)));
        } catch (IOException e) {
            throw new UncheckedIOException("a StringReader failed", e);
        }
    }
}
