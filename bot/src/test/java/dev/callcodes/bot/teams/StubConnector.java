package dev.callcodes.bot.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Bot Framework connector as far as a reply needs it: HTTP/1.1 with keep-alive on loopback, each request
 * recorded, answered with a resource id (or with a scripted failure first). TCP_NODELAY is set on every connection:
 * without it, Nagle's algorithm and delayed ACKs hold each small reply for about 40 ms. It can go down (its port
 * refuses connections, open ones are closed) and come back on the same port, and it counts what it answered 200 per
 * conversation: how a test sees that a reply arrived exactly once.
 */
final class StubConnector implements AutoCloseable {

    record Request(String method, String path, Map<String, String> headers, JsonNode body) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private volatile ServerSocket server;
    private final int port;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final BlockingQueue<Request> requests = new LinkedBlockingQueue<>();
    private final ConcurrentLinkedQueue<Integer> scriptedFailures = new ConcurrentLinkedQueue<>();
    private volatile CountDownLatch held = new CountDownLatch(0);
    private final AtomicInteger ids = new AtomicInteger();
    private final List<Socket> sockets = new ArrayList<>();
    private final Map<String, AtomicInteger> delivered = new ConcurrentHashMap<>();
    private final Random random = new Random(12);
    private volatile int randomStatus;
    private volatile double randomShare;

    StubConnector() throws IOException {
        server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        port = server.getLocalPort();
        ServerSocket listening = server;
        threads.execute(() -> acceptLoop(listening));
    }

    String serviceUrl() {
        return "http://127.0.0.1:" + port + "/";
    }

    /** Down: the port refuses connections and the open ones are closed, as when the connector's host is gone. */
    void down() throws IOException {
        server.close();
        closeSockets();
    }

    /** Back on the same port. */
    void up() throws IOException {
        ServerSocket listening = new ServerSocket();
        listening.setReuseAddress(true);
        listening.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
        server = listening;
        threads.execute(() -> acceptLoop(listening));
    }

    /** From now on, this share of all requests (chosen by a seeded random) is answered with {@code status}. */
    void failRandomly(double share, int status) {
        randomStatus = status;
        randomShare = share;
    }

    /** How many times each conversation got a reply answered 200, by conversation id. */
    Map<String, Integer> delivered() {
        Map<String, Integer> counts = new HashMap<>();
        delivered.forEach((conversation, count) -> counts.put(conversation, count.get()));
        return counts;
    }

    /** Status for {@link #failNext}: read the whole request, then close the connection without an answer. */
    static final int DROP = 0;

    /**
     * The next requests fail with these statuses (and Retry-After: 0), or {@link #DROP}, before the stub answers
     * normally again.
     */
    void failNext(int... statuses) {
        for (int status : statuses) {
            scriptedFailures.add(status);
        }
    }

    /** Replies are received (and can be taken) but not answered until {@link #answerHeld}: a connector that stalls. */
    void holdAnswers() {
        held = new CountDownLatch(1);
    }

    void answerHeld() {
        held.countDown();
    }

    Request take(Duration timeout) throws InterruptedException {
        Request request = requests.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (request == null) {
            throw new AssertionError("no request reached the stub connector within " + timeout);
        }
        return request;
    }

    List<Request> take(int count, Duration timeout) throws InterruptedException {
        List<Request> taken = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (taken.size() < count) {
            Request request = requests.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (request == null) {
                throw new AssertionError("only " + taken.size() + " of " + count + " requests arrived");
            }
            taken.add(request);
        }
        return taken;
    }

    /** The requests that arrive until none has for {@code quiet}, the first within {@code timeout}. */
    List<Request> takeUntilQuiet(Duration timeout, Duration quiet) throws InterruptedException {
        List<Request> taken = new ArrayList<>(List.of(take(timeout)));
        for (Request next = requests.poll(quiet.toMillis(), TimeUnit.MILLISECONDS); next != null;
             next = requests.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)) {
            taken.add(next);
        }
        return taken;
    }

    /** Every request received so far, failed attempts included, without taking them. */
    List<Request> requestsSoFar() {
        return new ArrayList<>(requests);
    }

    boolean idle(Duration wait) throws InterruptedException {
        return requests.poll(wait.toMillis(), TimeUnit.MILLISECONDS) == null;
    }

    private void acceptLoop(ServerSocket listening) {
        while (!listening.isClosed()) {
            try {
                Socket socket = listening.accept();
                socket.setTcpNoDelay(true);
                synchronized (sockets) {
                    sockets.add(socket);
                }
                threads.execute(() -> serve(socket));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket; InputStream in = new BufferedInputStream(socket.getInputStream());
             OutputStream out = socket.getOutputStream()) {
            while (true) {
                String requestLine = line(in);
                if (requestLine == null || requestLine.isEmpty()) {
                    return;
                }
                Map<String, String> headers = new HashMap<>();
                for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
                    int colon = header.indexOf(':');
                    headers.put(header.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                            header.substring(colon + 1).strip());
                }
                byte[] body = body(in, headers);
                String[] parts = requestLine.split(" ");
                Integer failure = scriptedFailures.poll();
                if (failure == null) {
                    failure = randomFailure();
                }
                requests.add(new Request(parts[0], parts[1], headers,
                        body.length == 0 ? null : JSON.readTree(body)));
                try {
                    held.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                if (failure != null && failure == DROP) {
                    return;
                } else if (failure != null) {
                    respond(out, failure, "{\"error\":{\"code\":\"Throttled\"}}", "Retry-After: 0\r\n");
                } else {
                    delivered.computeIfAbsent(conversationOf(parts[1]), c -> new AtomicInteger()).incrementAndGet();
                    respond(out, 200, "{\"id\":\"stub-" + ids.incrementAndGet() + "\"}", "");
                }
            }
        } catch (IOException e) {
            // the client closed the connection
        } finally {
            synchronized (sockets) {
                sockets.remove(socket);
            }
        }
    }

    private Integer randomFailure() {
        if (randomShare == 0) {
            return null;
        }
        synchronized (random) {
            return random.nextDouble() < randomShare ? randomStatus : null;
        }
    }

    /** {@code /v3/conversations/{id}/activities[/{replyToId}]}: the conversation id, decoded. */
    static String conversationOf(String path) {
        String[] segments = path.split("/");
        return segments.length > 3 ? URLDecoder.decode(segments[3], StandardCharsets.UTF_8) : path;
    }

    private static void respond(OutputStream out, int status, String json, String extraHeaders) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 " + status + " X\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length
                + "\r\n" + extraHeaders + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.flush();
    }

    private static byte[] body(InputStream in, Map<String, String> headers) throws IOException {
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            for (int size = Integer.parseInt(line(in).strip(), 16); size > 0;
                 size = Integer.parseInt(line(in).strip(), 16)) {
                body.write(in.readNBytes(size));
                line(in);
            }
            line(in);
            return body.toByteArray();
        }
        return in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                return line.size() == 0 ? null : line.toString(StandardCharsets.US_ASCII);
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    private void closeSockets() throws IOException {
        synchronized (sockets) {
            for (Socket socket : sockets) {
                socket.close();
            }
            sockets.clear();
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        closeSockets();
        threads.shutdownNow();
    }
}
