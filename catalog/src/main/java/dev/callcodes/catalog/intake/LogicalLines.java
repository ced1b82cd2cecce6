package dev.callcodes.catalog.intake;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The lines of a table, where a quoted cell may hold line breaks (RFC 4180). An unclosed quote would swallow the
 * rest of the file, so a record may span at most {@link #MAX_LINES_PER_RECORD} lines; past that, its first line is
 * given back alone and reading resumes on the next one.
 */
final class LogicalLines {

    static final int MAX_LINES_PER_RECORD = 50;

    /** One record's text and the number of the line it starts on (1-based). */
    record Logical(String text, long line) {
    }

    private final BufferedReader in;
    private final Deque<String> givenBack = new ArrayDeque<>();
    private long nextLineNumber = 1;

    LogicalLines(BufferedReader in) {
        this.in = in;
    }

    /** The next record, joining lines inside quotes when {@code quoted}; null at the end. */
    Logical next(boolean quoted) throws IOException {
        String first = physical();
        if (first == null) {
            return null;
        }
        long line = nextLineNumber++;
        if (!quoted || !opensQuote(first, false)) {
            return new Logical(first, line);
        }
        List<String> parts = new ArrayList<>();
        parts.add(first);
        boolean open = true;
        while (open && parts.size() < MAX_LINES_PER_RECORD) {
            String more = physical();
            if (more == null) {
                break;
            }
            parts.add(more);
            open = opensQuote(more, true);
        }
        if (open) {
            for (int i = parts.size() - 1; i >= 1; i--) {
                givenBack.push(parts.get(i));
            }
            return new Logical(first, line);
        }
        nextLineNumber += parts.size() - 1;
        return new Logical(String.join("\n", parts), line);
    }

    private String physical() throws IOException {
        return givenBack.isEmpty() ? in.readLine() : givenBack.pop();
    }

    /** Whether a quote is still open at the end of the line, given whether one was open at its start. */
    private static boolean opensQuote(String line, boolean openAtStart) {
        boolean open = openAtStart;
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '"') {
                open = !open;
            }
        }
        return open;
    }
}
