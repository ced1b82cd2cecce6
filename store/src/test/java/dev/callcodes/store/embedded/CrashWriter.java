package dev.callcodes.store.embedded;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;

/**
 * The child process of {@link CrashSafetyTest}: opens the store and rewrites {@code crash/doc} forever, each version a
 * sequence number followed by 512 KiB of one letter, so a torn write would show as a mix. It prints {@code wrote N}
 * after each write returns, which is what the parent may count as durable.
 */
public final class CrashWriter {

    static final int PAYLOAD = 512 * 1024;

    public static void main(String[] args) {
        try (FileDocumentStore store = FileDocumentStore.open(Path.of(args[0]), Clock.systemUTC())) {
            long start = store.read("crash/doc").map(d -> sequence(d.content()) + 1).orElse(0L);
            for (long n = start; ; n++) {
                store.put("crash/doc", content(n));
                store.put("crash/other-" + (n % 3), content(n));
                System.out.println("wrote " + n);
                System.out.flush();
            }
        }
    }

    static byte[] content(long n) {
        byte[] head = (n + "\n").getBytes(StandardCharsets.US_ASCII);
        byte[] bytes = Arrays.copyOf(head, head.length + PAYLOAD);
        Arrays.fill(bytes, head.length, bytes.length, (byte) ('a' + n % 26));
        return bytes;
    }

    /** The sequence number, after checking the payload is whole and of the one letter it should be. */
    static long sequence(byte[] content) {
        int newline = 0;
        while (content[newline] != '\n') {
            newline++;
        }
        long n = Long.parseLong(new String(content, 0, newline, StandardCharsets.US_ASCII));
        if (content.length != newline + 1 + PAYLOAD) {
            throw new AssertionError("document " + n + " has " + content.length + " bytes");
        }
        for (int i = newline + 1; i < content.length; i++) {
            if (content[i] != 'a' + n % 26) {
                throw new AssertionError("document " + n + " is torn at byte " + i);
            }
        }
        return n;
    }
}
