package dev.callcodes.catalog.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Streams the call records of a report: tables (tab, comma, semicolon or pipe separated, RFC 4180 quoting, with or
 * without a header row, among prose) and JSON (Graph getDirectRoutingCalls pages, ACS logs, JSON Lines). Memory
 * does not grow with the input: each record goes to the listener and is forgotten. Thread-safe; build once and share.
 */
public final class RecordReader {

    /** How far the reader may look ahead to decide that text starting with '{' or '[' is JSON after all. */
    private static final int JSON_PROBE_CHARS = 1 << 20;

    private final DelimitedRecords tables;
    private final JsonRecords json;

    public RecordReader() {
        FieldLabels labels = FieldLabels.load();
        this.tables = new DelimitedRecords(labels);
        this.json = new JsonRecords(labels);
    }

    /** Reads every record of the input; the caller closes the reader. */
    public RecordFormat read(Reader input, RecordListener listener) throws IOException {
        BufferedReader in = input instanceof BufferedReader b ? b : new BufferedReader(input, 1 << 16);
        skipByteOrderMark(in);
        if (startsLikeJson(in)) {
            in.mark(JSON_PROBE_CHARS);
            if (json.read(in, listener)) {
                return RecordFormat.JSON;
            }
            in.reset();
        }
        return tables.read(in, listener) ? RecordFormat.TABLE : RecordFormat.NONE;
    }

    private static void skipByteOrderMark(BufferedReader in) throws IOException {
        in.mark(1);
        if (in.read() != '\uFEFF') {
            in.reset();
        }
    }

    private static boolean startsLikeJson(BufferedReader in) throws IOException {
        in.mark(JSON_PROBE_CHARS);
        try {
            int c;
            int read = 0;
            do {
                c = in.read();
                read++;
            } while (c >= 0 && Character.isWhitespace(c) && read < JSON_PROBE_CHARS - 1);
            return c == '{' || c == '[';
        } finally {
            in.reset();
        }
    }
}
