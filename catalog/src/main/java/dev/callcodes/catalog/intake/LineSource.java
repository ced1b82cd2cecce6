package dev.callcodes.catalog.intake;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The lines of the input, numbered, with what the intake needs on top of {@link BufferedReader#readLine}: records
 * of a table whose quoted cells hold line breaks (RFC 4180), and a character stream from any line on for the JSON
 * parser, which can be given back when the text was not JSON after all. Memory does not grow with the input.
 */
final class LineSource {

    /** An unclosed quote would swallow the rest of the file: a record spans at most this many lines. */
    static final int MAX_LINES_PER_RECORD = 50;
    /** How much text a JSON attempt may read before it must have read one whole object to be given back. */
    static final int JSON_PROBE_CHARS = 4 << 20;

    /** The buffer a stream gets; text that arrived whole comes already buffered to its size. */
    static final int BUFFER_CHARS = 1 << 16;

    private final BufferedReader in;
    /** Lines given back (an unclosed quote's lines), read before {@link #pending}. */
    private final Deque<String> givenBack = new ArrayDeque<>();
    /** Text given back by the JSON parser, read before the underlying reader. */
    private final StringBuilder pending = new StringBuilder();
    private int pendingStart;
    private long nextLine = 1;

    LineSource(Reader reader) {
        this.in = reader instanceof BufferedReader b ? b : new BufferedReader(reader, BUFFER_CHARS);
    }

    /** The number (1-based) the next line will have. */
    long nextLineNumber() {
        return nextLine;
    }

    /** The next record's text, joining lines inside quotes when {@code quoted}; null at the end. */
    String next(boolean quoted) throws IOException {
        String first = physical();
        if (first == null) {
            return null;
        }
        if (nextLine == 1 && !first.isEmpty() && first.charAt(0) == '\uFEFF') {
            first = first.substring(1);
        }
        nextLine++;
        if (!quoted || !opensQuote(first, false)) {
            return first;
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
            return first;
        }
        nextLine += parts.size() - 1;
        return String.join("\n", parts);
    }

    /** Skips the rest of the input, returning how many lines it had. */
    long drain() throws IOException {
        long lines = 0;
        while (physical() != null) {
            lines++;
            nextLine++;
        }
        return lines;
    }

    private String physical() throws IOException {
        if (!givenBack.isEmpty()) {
            return givenBack.pop();
        }
        if (pendingStart < pending.length()) {
            int newline = pending.indexOf("\n", pendingStart);
            String line;
            if (newline >= 0) {
                line = pending.substring(pendingStart, newline);
                pendingStart = newline + 1;
            } else {
                String partial = pending.substring(pendingStart);
                pendingStart = pending.length();
                String rest = in.readLine();
                line = rest == null ? partial : partial + rest;
            }
            if (pendingStart >= pending.length()) {
                pending.setLength(0);
                pendingStart = 0;
            }
            return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        }
        return in.readLine();
    }

    /**
     * A character stream starting with {@code firstLine} (already read, as line {@code number}) and going on with
     * the rest of the input, for the JSON parser. Until the parser has read one whole object it gets small reads
     * ({@link #PROBE_READ} characters), so a failed attempt on a log line that starts with '[' costs that line, not
     * a buffer of what follows; after that, reads go straight to the input.
     */
    JsonStream jsonFrom(String firstLine, long number) {
        return new JsonStream(firstLine, number);
    }

    static final int PROBE_READ = 512;

    final class JsonStream extends Reader {
        private final long startLine;
        private final StringBuilder captured = new StringBuilder();
        private boolean rewindable = true;
        private boolean committed;
        private String current;
        private int position;

        JsonStream(String firstLine, long startLine) {
            this.startLine = startLine;
            this.current = firstLine + "\n";
        }

        /** One whole object was read: the input is JSON, nothing will be given back. */
        void commit() {
            committed = true;
            rewindable = false;
            captured.setLength(0);
        }

        @Override
        public int read(char[] target, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            int limit = committed ? length : Math.min(length, PROBE_READ);
            int count;
            if (current != null && position < current.length()) {
                count = Math.min(limit, current.length() - position);
                current.getChars(position, position + count, target, offset);
                capture(current, position, count);
                position += count;
                return count;
            }
            if (!givenBack.isEmpty() || pendingStart < pending.length()) {
                String line = physical();
                current = line + "\n";
                position = 0;
                return read(target, offset, length);
            }
            current = null;
            count = in.read(target, offset, limit);
            if (count > 0) {
                capture(new String(target, offset, count), 0, count);
            }
            return count;
        }

        private void capture(CharSequence text, int from, int count) {
            if (!rewindable) {
                return;
            }
            captured.append(text, from, from + count);
            if (captured.length() > JSON_PROBE_CHARS) {
                rewindable = false;
                captured.setLength(0);
            }
        }

        /** The parser read one value whole: {@code rest} is what it had buffered beyond it. */
        void finished(String rest, int linesRead) {
            String unread = current == null ? "" : current.substring(position);
            giveBack(rest + unread);
            nextLine = startLine + linesRead;
        }

        /** Not JSON after all: everything it read is given back, to be read again as lines. */
        boolean rewind() {
            if (!rewindable) {
                return false;
            }
            String unread = current == null ? "" : current.substring(position);
            giveBack(captured + unread);
            nextLine = startLine;
            return true;
        }

        @Override
        public void close() {
            // the input belongs to the caller
        }
    }

    private void giveBack(String text) {
        if (text.isEmpty()) {
            return;
        }
        StringBuilder rest = new StringBuilder(text.length() + pending.length() - pendingStart);
        rest.append(text);
        // what is left of the lines given back earlier comes after the text the parser gives back
        for (String line : givenBack) {
            rest.append(line).append('\n');
        }
        givenBack.clear();
        rest.append(pending, pendingStart, pending.length());
        pending.setLength(0);
        pending.append(rest);
        pendingStart = 0;
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
