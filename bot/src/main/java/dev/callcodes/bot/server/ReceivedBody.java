package dev.callcodes.bot.server;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A request body as it was received: in memory up to {@link #IN_MEMORY_BYTES}, beyond that in a temporary file,
 * so a report upload of tens of megabytes waiting for its handler does not sit on the heap. The file is deleted
 * when the request ends ({@link RequestBodyGuard#requestDestroyed}).
 */
final class ReceivedBody {

    static final String ATTRIBUTE = ReceivedBody.class.getName();
    static final int IN_MEMORY_BYTES = 256 * 1024;

    private byte[] memory;
    private int inMemory;
    private Path file;
    private OutputStream fileOut;
    private long size;

    ReceivedBody(long declared) {
        this.memory = new byte[(int) Math.max(1024, Math.min(declared > 0 ? declared : 8192, IN_MEMORY_BYTES))];
    }

    long size() {
        return size;
    }

    void write(byte[] bytes, int offset, int length) throws IOException {
        if (file == null && inMemory + length <= IN_MEMORY_BYTES) {
            if (inMemory + length > memory.length) {
                memory = Arrays.copyOf(memory, Math.min(IN_MEMORY_BYTES, Math.max(memory.length * 2, inMemory + length)));
            }
            System.arraycopy(bytes, offset, memory, inMemory, length);
            inMemory += length;
        } else {
            if (file == null) {
                file = Files.createTempFile("callcodes-body-", ".tmp");
                fileOut = Files.newOutputStream(file);
                fileOut.write(memory, 0, inMemory);
                memory = null;
            }
            fileOut.write(bytes, offset, length);
        }
        size += length;
    }

    void finish() throws IOException {
        if (fileOut != null) {
            fileOut.close();
            fileOut = null;
        }
    }

    InputStream open() throws IOException {
        return file == null ? new ByteArrayInputStream(memory, 0, inMemory) : Files.newInputStream(file);
    }

    /** Frees the memory and deletes the file; safe to call more than once. */
    synchronized void discard() {
        memory = null;
        try {
            if (fileOut != null) {
                fileOut.close();
                fileOut = null;
            }
            if (file != null) {
                Files.deleteIfExists(file);
                file = null;
            }
        } catch (IOException e) {
            // a temporary file the system cleans up anyway
        }
    }
}
