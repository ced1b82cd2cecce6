package dev.callcodes.benchmarks.stack;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Bot Framework connector as a bot's replies see it: keep-alive HTTP/1.1 on loopback, every reply
 * ({@code POST .../activities...}) counted, answered with a resource id, optionally after a fixed delay (a slow
 * Teams). TCP_NODELAY on every connection: without it Nagle's algorithm and delayed ACKs hold each reply ~40 ms.
 */
final class StubConnector implements AutoCloseable {

    private static final byte[] RESPONSE = ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
            + "Content-Length: 15\r\n\r\n{\"id\":\"stub-1\"}").getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket server;
    private final long delayMillis;
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "stub-connector");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final AtomicLong replies = new AtomicLong();
    private final AtomicLong firstReplyNanos = new AtomicLong();

    StubConnector(long delayMillis) throws IOException {
        this.delayMillis = delayMillis;
        server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        threads.execute(this::acceptLoop);
    }

    String serviceUrl() {
        return "http://127.0.0.1:" + port() + "/";
    }

    int port() {
        return server.getLocalPort();
    }

    /** Replies received since the start (or the last {@link #resetFirstReply}). */
    long replies() {
        return replies.get();
    }

    /** {@link System#nanoTime} when the first reply after the last reset arrived, or 0 when none has. */
    long firstReplyNanos() {
        return firstReplyNanos.get();
    }

    void resetFirstReply() {
        firstReplyNanos.set(0);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                socket.setTcpNoDelay(true);
                sockets.add(socket);
                threads.execute(() -> serve(socket));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket; InputStream in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
             OutputStream out = socket.getOutputStream()) {
            for (Http1.Head head = Http1.readHead(in); head != null; head = Http1.readHead(in)) {
                Http1.skipBody(in, head);
                if ("POST".equals(head.method()) && head.target().contains("/activities")) {
                    firstReplyNanos.compareAndSet(0, System.nanoTime());
                    replies.incrementAndGet();
                }
                if (delayMillis > 0) {
                    Thread.sleep(delayMillis);
                }
                out.write(RESPONSE);
                out.flush();
                if (head.close()) {
                    return;
                }
            }
        } catch (IOException e) {
            // the bot closed the connection
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            sockets.remove(socket);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : sockets) {
            socket.close();
        }
        threads.shutdownNow();
    }
}
