package dev.callcodes.benchmarks.stack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Just enough HTTP/1.1 for the stub connector and the load generator: a message head, and a body by
 * Content-Length or chunked. Both sides stay on keep-alive connections, so the cost measured is the bot's, not
 * connection set-up.
 */
final class Http1 {

    /** A request or response head: its first line and what framing needs. */
    record Head(String startLine, long contentLength, boolean chunked, boolean close) {

        String method() {
            return startLine.substring(0, Math.max(0, startLine.indexOf(' ')));
        }

        String target() {
            int from = startLine.indexOf(' ') + 1;
            int to = startLine.indexOf(' ', from);
            return from <= 0 ? "" : startLine.substring(from, to < 0 ? startLine.length() : to);
        }

        /** The status of a response head ({@code HTTP/1.1 202 Accepted}). */
        int status() {
            return Integer.parseInt(target());
        }
    }

    private Http1() {
    }

    /** The next head on the connection, or null when the peer closed it between messages. */
    static Head readHead(InputStream in) throws IOException {
        String startLine = line(in);
        if (startLine == null) {
            return null;
        }
        long contentLength = 0;
        boolean chunked = false;
        boolean close = false;
        for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = header.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).strip();
            switch (name) {
                case "content-length" -> contentLength = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "connection" -> close = value.equalsIgnoreCase("close");
                default -> { }
            }
        }
        return new Head(startLine, contentLength, chunked, close);
    }

    /** Reads the body that follows {@code head} and returns its length. */
    static long skipBody(InputStream in, Head head) throws IOException {
        if (!head.chunked()) {
            skip(in, head.contentLength());
            return head.contentLength();
        }
        long total = 0;
        for (long size = chunkSize(in); size > 0; size = chunkSize(in)) {
            skip(in, size);
            total += size;
            line(in);
        }
        for (String trailer = line(in); trailer != null && !trailer.isEmpty(); trailer = line(in)) {
            // trailers carry nothing the harness needs
        }
        return total;
    }

    /** Reads the body that follows {@code head} as text (for error messages and checks, not the hot path). */
    static String readBody(InputStream in, Head head) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (!head.chunked()) {
            body.write(in.readNBytes((int) head.contentLength()));
        } else {
            for (long size = chunkSize(in); size > 0; size = chunkSize(in)) {
                body.write(in.readNBytes((int) size));
                line(in);
            }
            for (String trailer = line(in); trailer != null && !trailer.isEmpty(); trailer = line(in)) {
                // nothing to keep
            }
        }
        return body.toString(StandardCharsets.UTF_8);
    }

    static byte[] request(String method, String host, String path, String contentType, byte[] body) {
        byte[] head = (method + " " + path + " HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: " + contentType
                + "\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] whole = new byte[head.length + body.length];
        System.arraycopy(head, 0, whole, 0, head.length);
        System.arraycopy(body, 0, whole, head.length, body.length);
        return whole;
    }

    private static long chunkSize(InputStream in) throws IOException {
        String line = line(in);
        if (line == null) {
            throw new IOException("the connection closed inside a chunked body");
        }
        int extension = line.indexOf(';');
        return Long.parseLong((extension < 0 ? line : line.substring(0, extension)).strip(), 16);
    }

    private static void skip(InputStream in, long bytes) throws IOException {
        long left = bytes;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new IOException("the connection closed " + left + " bytes before the end of a body");
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder(64);
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                if (line.length() == 0) {
                    return null;
                }
                throw new IOException("the connection closed inside a line");
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }
}
