package dev.callcodes.catalog.report;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes a zip bomb for tests: entries of zeros far larger than the archive (5 entries of 2 GiB, about 10.7 GB, in
 * about 10.6 MB). Deflating gigabytes would take a minute, so one deflate block of a mebibyte of zeros, flushed to a
 * byte boundary, is written once and repeated: after the first mebibyte every block sees only zeros behind it, so
 * the repeats decode to zeros too. The result is a well-formed zip that {@code unzip -t} accepts.
 */
public final class ZipBomb {

    private static final int CHUNK = 1 << 20;

    private ZipBomb() {
    }

    /**
     * @param entries     how many entries
     * @param entryMiB    each entry's size in MiB (below 4 GiB: no ZIP64 needed)
     * @param name        entry names are {@code name + index + extension}
     * @param extension   e.g. ".bin" (skipped by the report reader) or ".csv" (read)
     * @param sizesFollow write sizes in data descriptors after the data, as streaming zip writers do
     */
    public static void write(OutputStream target, int entries, int entryMiB, String name, String extension,
                             boolean sizesFollow) throws IOException {
        byte[] zeros = new byte[CHUNK];
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        ByteArrayOutputStream repeated = new ByteArrayOutputStream();
        ByteArrayOutputStream last = new ByteArrayOutputStream();
        deflater.setInput(zeros);
        drain(deflater, first, Deflater.SYNC_FLUSH);
        deflater.setInput(zeros);
        drain(deflater, repeated, Deflater.SYNC_FLUSH);
        deflater.finish();
        drain(deflater, last, Deflater.NO_FLUSH);
        deflater.end();
        long size = (long) entryMiB * CHUNK;
        long compressed = first.size() + (long) (entryMiB - 1) * repeated.size() + last.size();
        CRC32 crc = new CRC32();
        for (int i = 0; i < entryMiB; i++) {
            crc.update(zeros);
        }
        Counting out = new Counting(target);
        ByteArrayOutputStream central = new ByteArrayOutputStream();
        for (int e = 0; e < entries; e++) {
            byte[] entryName = (name + e + extension).getBytes(StandardCharsets.UTF_8);
            long offset = out.count;
            header(out, false, entryName, sizesFollow, crc.getValue(), compressed, size, 0);
            first.writeTo(out);
            for (int i = 1; i < entryMiB; i++) {
                repeated.writeTo(out);
            }
            last.writeTo(out);
            if (sizesFollow) {
                int32(out, 0x08074b50);
                int32(out, crc.getValue());
                int32(out, compressed);
                int32(out, size);
            }
            header(central, true, entryName, sizesFollow, crc.getValue(), compressed, size, offset);
        }
        long directory = out.count;
        central.writeTo(out);
        int32(out, 0x06054b50);
        int16(out, 0);
        int16(out, 0);
        int16(out, entries);
        int16(out, entries);
        int32(out, central.size());
        int32(out, directory);
        int16(out, 0);
        out.flush();
    }

    private static void header(OutputStream out, boolean central, byte[] name, boolean sizesFollow, long crc,
                               long compressed, long size, long offset) throws IOException {
        int32(out, central ? 0x02014b50 : 0x04034b50);
        if (central) {
            int16(out, 20);
        }
        int16(out, 20);
        int16(out, sizesFollow ? 1 << 3 : 0);
        int16(out, 8);
        int32(out, 0x00210000L);
        boolean blank = sizesFollow && !central;
        int32(out, blank ? 0 : crc);
        int32(out, blank ? 0 : compressed);
        int32(out, blank ? 0 : size);
        int16(out, name.length);
        int16(out, 0);
        if (central) {
            int16(out, 0);
            int16(out, 0);
            int16(out, 0);
            int32(out, 0);
            int32(out, offset);
        }
        out.write(name);
    }

    private static void drain(Deflater deflater, ByteArrayOutputStream to, int flush) {
        byte[] buffer = new byte[1 << 16];
        while (true) {
            int n = deflater.deflate(buffer, 0, buffer.length, flush);
            to.write(buffer, 0, n);
            if (n < buffer.length && (flush != Deflater.NO_FLUSH || deflater.finished())) {
                return;
            }
        }
    }

    private static void int16(OutputStream out, int value) throws IOException {
        out.write(value & 0xFF);
        out.write(value >>> 8 & 0xFF);
    }

    private static void int32(OutputStream out, long value) throws IOException {
        int16(out, (int) (value & 0xFFFF));
        int16(out, (int) (value >>> 16 & 0xFFFF));
    }

    private static final class Counting extends FilterOutputStream {
        long count;

        Counting(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
            count += length;
        }
    }
}
