package dev.callcodes.catalog.report;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * Opens an uploaded or piped file as report text: a CSV, TSV, JSON or text file in UTF-8 (with or without a byte
 * order mark) or UTF-16 (Excel's "Unicode text", which has one), or a .zip holding such files, read one after the
 * other. Binary files, damaged or password-protected zips and archives inside the zip are refused with a message
 * that says what to send instead. Every byte read, zipped or not, and every byte inflated, counts against one
 * limit, so a small zip cannot expand without bound; entries of other types are skipped without being inflated.
 */
public final class ReportInput {

    private static final int SNIFF_BYTES = 8192;
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

    private ReportInput() {
    }

    public static Reader open(InputStream raw, long maxBytes) throws IOException {
        BufferedInputStream in = new BufferedInputStream(new Limited(raw, maxBytes), SNIFF_BYTES * 2);
        byte[] head = peek(in);
        if (startsWith(head, ZIP_MAGIC)) {
            return new ZipText(in, maxBytes);
        }
        return text(in, head);
    }

    private static Reader text(InputStream in, byte[] head) throws IOException {
        Charset charset;
        if (head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
            charset = StandardCharsets.UTF_16LE;
            in.skipNBytes(2);
        } else if (head.length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
            charset = StandardCharsets.UTF_16BE;
            in.skipNBytes(2);
        } else {
            for (byte b : head) {
                if (b == 0) {
                    throw new ReportInputException(ReportInputException.Kind.NOT_TEXT,
                            "This file is not text. Send the admin center's CSV export (or its "
                            + ".zip), a Graph or ACS JSON file, or paste the rows.");
                }
            }
            charset = StandardCharsets.UTF_8;
        }
        return new InputStreamReader(in, charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE));
    }

    private static byte[] peek(InputStream in) throws IOException {
        in.mark(SNIFF_BYTES);
        byte[] head = in.readNBytes(SNIFF_BYTES);
        in.reset();
        return head;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** The kinds of text file a report may be, alone or inside a zip. */
    private static final Set<String> TEXT_TYPES = Set.of("csv", "tsv", "txt", "json", "jsonl");

    /** Whether a file of this type (its extension, as Teams gives it) can be read: a text type, or a zip of them. */
    public static boolean readsFileType(String type) {
        String lower = type.toLowerCase(Locale.ROOT);
        return TEXT_TYPES.contains(lower) || lower.equals("zip");
    }

    /** Archives inside the archive: a report must be one unzip away, so these are refused, never opened. */
    private static final Set<String> ARCHIVE_TYPES = Set.of("zip", "7z", "rar", "gz", "tgz", "tar", "bz2", "xz",
            "cab", "jar");

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        return dot > slash ? name.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
    }

    private static ReportInputException nested(String name) {
        return new ReportInputException(ReportInputException.Kind.UNSUPPORTED,
                "This .zip file holds another archive (" + StreamedZip.shown(name) + "). I read one"
                + " level: unzip it and send the CSV inside, or the inner .zip itself.");
    }

    /**
     * The text files of a zip, one after the other, each ending with a line break. Entries of other types are
     * skipped unopened; every inflated byte, read or skipped, counts against the limit.
     */
    static final class ZipText extends Reader {
        private final StreamedZip zip;
        private final InputStream raw;
        private Reader current;
        private boolean any;

        ZipText(InputStream raw, long maxBytes) {
            this.raw = raw;
            this.zip = new StreamedZip(raw, maxBytes);
        }

        /** Bytes inflated so far, read and skipped entries together. */
        long inflatedBytes() {
            return zip.inflatedBytes();
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            while (true) {
                if (current == null && !nextEntry()) {
                    return -1;
                }
                int n = current.read(buffer, offset, length);
                if (n >= 0) {
                    return n;
                }
                current = null;
                if (length > 0) {
                    buffer[offset] = '\n';
                    return 1;
                }
            }
        }

        private boolean nextEntry() throws IOException {
            StreamedZip.Entry entry;
            while ((entry = zip.next()) != null) {
                if (entry.isDirectory()) {
                    continue;
                }
                String type = extension(entry.name());
                if (ARCHIVE_TYPES.contains(type)) {
                    throw nested(entry.name());
                }
                if (TEXT_TYPES.contains(type)) {
                    any = true;
                    BufferedInputStream entryIn = new BufferedInputStream(zip.open(), SNIFF_BYTES * 2);
                    byte[] head = peek(entryIn);
                    if (startsWith(head, ZIP_MAGIC)) {
                        throw nested(entry.name());
                    }
                    current = text(entryIn, head);
                    return true;
                }
            }
            if (!any) {
                throw new ReportInputException(ReportInputException.Kind.NO_REPORT,
                        "This .zip file holds no .csv, .tsv, .txt or .json file. Send the admin"
                        + " center's CSV export, or the .zip it came in.");
            }
            return false;
        }

        @Override
        public void close() throws IOException {
            zip.close();
            raw.close();
        }
    }

    /** Stops reading past the limit, with a message that names it. */
    private static final class Limited extends FilterInputStream {
        private final long max;
        private long read;

        Limited(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) throws ReportInputException {
            read += n;
            if (read > max) {
                throw tooLarge(max);
            }
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }

    /** The refusal of a file over the limit, also for callers that know the size before reading. */
    public static ReportInputException tooLarge(long maxBytes) {
        return new ReportInputException(ReportInputException.Kind.TOO_LARGE,
                "This file is larger than " + megabytes(maxBytes) + " MB, the most I read. "
                + "Export a shorter time range, or filter the report to failed calls.");
    }

    static String megabytes(long bytes) {
        return bytes % (1024 * 1024) == 0 ? Long.toString(bytes / (1024 * 1024))
                : String.format(Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0));
    }
}
