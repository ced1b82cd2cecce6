package dev.callcodes.catalog.report;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * A zip read as it streams, entry by entry, from the local headers (an upload cannot seek to the central
 * directory). Unlike {@link java.util.zip.ZipInputStream}, an entry that is not wanted is skipped by its compressed
 * size without being inflated, so an archive of a few megabytes that claims gigabytes of something else costs
 * nothing; only an entry written without sizes (a data descriptor) must be inflated to find its end, and those bytes
 * count against the same limit as the entries read. Every refusal is a {@link ReportInputException} with a message
 * for the person who sent the file, never a parser's exception text.
 */
final class StreamedZip {

    /** One entry's header: its name (decoded as its writer declared), sizes and how it is stored. */
    record Entry(String name, int method, long compressedSize, long size, long crc, boolean sizesFollow,
                 boolean zip64) {
        boolean isDirectory() {
            return name.endsWith("/") || name.endsWith("\\");
        }
    }

    private static final int LOCAL_HEADER = 0x04034b50;
    private static final int CENTRAL_HEADER = 0x02014b50;
    private static final int END_OF_CENTRAL = 0x06054b50;
    private static final int DATA_DESCRIPTOR = 0x08074b50;
    private static final int STORED = 0;
    private static final int DEFLATED = 8;
    private static final int ENCRYPTED = 1;
    private static final int SIZES_FOLLOW = 1 << 3;
    private static final int UTF8_NAMES = 1 << 11;
    private static final int ZIP64_EXTRA = 0x0001;
    private static final long UNKNOWN_32 = 0xFFFFFFFFL;
    private static final int BUFFER = 1 << 16;
    /** Windows' built-in zip and older tools write names in the DOS code page unless they set the UTF-8 flag. */
    private static final Charset LEGACY_NAMES = legacyNames();

    private final PushbackInputStream in;
    private final long maxInflatedBytes;
    private final byte[] buffer = new byte[BUFFER];
    private final Inflater inflater = new Inflater(true);
    private long inflated;
    private Entry current;
    private EntryStream currentStream;
    private boolean finished;

    StreamedZip(InputStream raw, long maxInflatedBytes) {
        this.in = new PushbackInputStream(raw, BUFFER);
        this.maxInflatedBytes = maxInflatedBytes;
    }

    /** Bytes inflated so far, read and skipped entries together. */
    long inflatedBytes() {
        return inflated;
    }

    /** The next entry, or null after the last; the previous entry's unread bytes are skipped first. */
    Entry next() throws IOException {
        if (finished) {
            return null;
        }
        if (current != null) {
            skipRest();
        }
        int signature;
        try {
            signature = int32();
        } catch (EOFException end) {
            throw damaged("it ends before its table of contents");
        }
        if (signature == CENTRAL_HEADER || signature == END_OF_CENTRAL) {
            finished = true;
            return null;
        }
        if (signature != LOCAL_HEADER) {
            throw damaged("an entry does not start where the previous one ended");
        }
        current = header();
        currentStream = new EntryStream(current);
        return current;
    }

    /** The current entry's bytes, inflated; reading past its end returns -1. */
    InputStream open() {
        if (currentStream == null) {
            throw new IllegalStateException("no current entry");
        }
        return currentStream;
    }

    private Entry header() throws IOException {
        try {
            int16(); // version needed
            int flags = int16();
            int method = int16();
            int32(); // modification time and date
            long crc = uint32();
            long compressed = uint32();
            long size = uint32();
            int nameLength = int16();
            int extraLength = int16();
            byte[] nameBytes = in.readNBytes(nameLength);
            byte[] extra = in.readNBytes(extraLength);
            if (nameBytes.length < nameLength || extra.length < extraLength) {
                throw new EOFException();
            }
            String name = new String(nameBytes, (flags & UTF8_NAMES) != 0 ? StandardCharsets.UTF_8 : LEGACY_NAMES);
            boolean zip64 = false;
            if (compressed == UNKNOWN_32 || size == UNKNOWN_32) {
                long[] sizes = zip64Sizes(extra, size, compressed);
                if (sizes != null) {
                    zip64 = true;
                    size = sizes[0];
                    compressed = sizes[1];
                }
            }
            if ((flags & ENCRYPTED) != 0) {
                throw new ReportInputException(ReportInputException.Kind.UNSUPPORTED,
                        "This .zip file is password-protected (" + shown(name) + "). Send the"
                        + " CSV itself, or a .zip without a password.");
            }
            if (method != STORED && method != DEFLATED) {
                throw new ReportInputException(ReportInputException.Kind.UNSUPPORTED,
                        "This .zip file uses a compression method I cannot read (method "
                        + method + ", in " + shown(name) + "). Zip it again with the standard method, or send the"
                        + " CSV itself.");
            }
            boolean sizesFollow = (flags & SIZES_FOLLOW) != 0;
            if (sizesFollow && method == STORED) {
                throw damaged("a stored entry has no size (" + shown(name) + ")");
            }
            return new Entry(name, method, compressed, size, crc, sizesFollow, zip64);
        } catch (EOFException e) {
            throw damaged("it ends inside an entry's header");
        }
    }

    /** ZIP64's extra field holds the real sizes when the header's are 0xFFFFFFFF: uncompressed first. */
    private static long[] zip64Sizes(byte[] extra, long size, long compressed) {
        int i = 0;
        while (i + 4 <= extra.length) {
            int id = (extra[i] & 0xFF) | (extra[i + 1] & 0xFF) << 8;
            int length = (extra[i + 2] & 0xFF) | (extra[i + 3] & 0xFF) << 8;
            int data = i + 4;
            if (id == ZIP64_EXTRA) {
                long[] sizes = {size, compressed};
                int at = data;
                if (size == UNKNOWN_32 && at + 8 <= data + length && at + 8 <= extra.length) {
                    sizes[0] = int64(extra, at);
                    at += 8;
                }
                if (compressed == UNKNOWN_32 && at + 8 <= data + length && at + 8 <= extra.length) {
                    sizes[1] = int64(extra, at);
                }
                return sizes;
            }
            i = data + length;
        }
        return null;
    }

    /** Moves past what is left of the current entry: by its size when known, inflating only when it is not. */
    private void skipRest() throws IOException {
        EntryStream stream = currentStream;
        if (!stream.sizesKnownEnd()) {
            byte[] sink = new byte[BUFFER];
            while (stream.read(sink, 0, sink.length) >= 0) {
                // counted by the stream against the limit
            }
        }
        stream.finishEntry();
        current = null;
        currentStream = null;
    }

    /** The bytes of one entry; deflated ones are inflated as read, stored ones copied. */
    private final class EntryStream extends InputStream {
        private final Entry entry;
        private final CRC32 crc = new CRC32();
        private long rawLeft;
        private long produced;
        private boolean ended;

        EntryStream(Entry entry) {
            this.entry = entry;
            this.rawLeft = entry.sizesFollow() ? -1 : entry.compressedSize();
            inflater.reset();
        }

        boolean sizesKnownEnd() {
            return !entry.sizesFollow();
        }

        long rawLeft() {
            return rawLeft;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            if (ended) {
                return -1;
            }
            if (length == 0) {
                return 0;
            }
            int n = entry.method() == STORED ? readStored(target, offset, length) : readDeflated(target, offset, length);
            if (n < 0) {
                ended = true;
                return -1;
            }
            crc.update(target, offset, n);
            produced += n;
            inflated += n;
            if (inflated > maxInflatedBytes) {
                throw ReportInput.tooLarge(maxInflatedBytes);
            }
            return n;
        }

        private int readStored(byte[] target, int offset, int length) throws IOException {
            if (rawLeft == 0) {
                return -1;
            }
            int n = in.read(target, offset, (int) Math.min(length, rawLeft));
            if (n < 0) {
                throw damaged("it ends inside " + shown(entry.name()));
            }
            rawLeft -= n;
            return n;
        }

        private int readDeflated(byte[] target, int offset, int length) throws IOException {
            try {
                while (true) {
                    int n = inflater.inflate(target, offset, length);
                    if (n > 0) {
                        return n;
                    }
                    if (inflater.finished()) {
                        int unused = inflater.getRemaining();
                        if (unused > 0) {
                            in.unread(buffer, lastFill - unused, unused);
                            if (rawLeft >= 0) {
                                rawLeft += unused;
                            }
                        }
                        return -1;
                    }
                    if (inflater.needsDictionary()) {
                        throw damaged("an entry needs a preset dictionary (" + shown(entry.name()) + ")");
                    }
                    if (inflater.needsInput()) {
                        fill();
                    }
                }
            } catch (DataFormatException e) {
                throw damaged("the compressed data of " + shown(entry.name()) + " is corrupt");
            }
        }

        private int lastFill;

        private void fill() throws IOException {
            int want = rawLeft < 0 ? buffer.length : (int) Math.min(buffer.length, rawLeft);
            if (want == 0) {
                throw damaged("the compressed data of " + shown(entry.name()) + " ends before the file does");
            }
            int n = in.read(buffer, 0, want);
            if (n < 0) {
                throw damaged("it ends inside " + shown(entry.name()));
            }
            if (rawLeft >= 0) {
                rawLeft -= n;
            }
            lastFill = n;
            inflater.setInput(buffer, 0, n);
        }

        /** After the entry's bytes: its data descriptor when sizes follow, then the checks of a whole read. */
        void finishEntry() throws IOException {
            long expectedCrc = entry.crc();
            long expectedSize = entry.size();
            if (entry.sizesFollow()) {
                try {
                    long first = uint32();
                    expectedCrc = first == (DATA_DESCRIPTOR & UNKNOWN_32) ? uint32() : first;
                    if (entry.zip64()) {
                        int64();
                        expectedSize = int64();
                    } else {
                        uint32();
                        expectedSize = uint32();
                    }
                } catch (EOFException e) {
                    throw damaged("it ends after " + shown(entry.name()));
                }
            } else if (rawLeft > 0) {
                try {
                    in.skipNBytes(rawLeft);
                } catch (EOFException e) {
                    throw damaged("it ends inside " + shown(entry.name()));
                }
                rawLeft = 0;
            }
            // An entry skipped by its size was never inflated, so there is nothing to check it against.
            if (ended && (produced != expectedSize || crc.getValue() != expectedCrc)) {
                throw damaged(shown(entry.name()) + " does not match its checksum");
            }
        }

        @Override
        public void close() {
            // the zip's stream stays open for the next entry
        }
    }

    /** Frees the inflater's native memory; the caller closes the underlying stream. */
    void close() {
        inflater.end();
    }

    /** A name as shown in a message: the file's own name, no folders, no control characters, not too long. */
    static String shown(String name) {
        String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder safe = new StringBuilder();
        base.codePoints().limit(80).forEach(c -> safe.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return safe.toString();
    }

    private static ReportInputException damaged(String why) {
        return new ReportInputException(ReportInputException.Kind.DAMAGED,
                "This .zip file is damaged: " + why + ". Export the report again, or send"
                + " the CSV itself.");
    }

    private int int16() throws IOException {
        int a = in.read();
        int b = in.read();
        if ((a | b) < 0) {
            throw new EOFException();
        }
        return a | b << 8;
    }

    private int int32() throws IOException {
        return int16() | int16() << 16;
    }

    private long uint32() throws IOException {
        return int32() & UNKNOWN_32;
    }

    private long int64() throws IOException {
        return uint32() | uint32() << 32;
    }

    private static long int64(byte[] bytes, int at) {
        long value = 0;
        for (int i = 7; i >= 0; i--) {
            value = value << 8 | (bytes[at + i] & 0xFF);
        }
        return value;
    }

    private static Charset legacyNames() {
        try {
            return Charset.forName("IBM437");
        } catch (UnsupportedCharsetException e) {
            // A trimmed runtime without jdk.charsets: only the extension matters, and it is ASCII either way.
            return StandardCharsets.ISO_8859_1;
        }
    }
}
