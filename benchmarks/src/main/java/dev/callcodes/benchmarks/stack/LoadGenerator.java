package dev.callcodes.benchmarks.stack;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A closed-loop load generator: a fixed number of keep-alive connections, each sending its next request as soon
 * as the last one's response has been read. It warms up, then counts what completes inside the measuring window:
 * responses with the expected status and their latencies. The caller's marks run at the window's edges, to read
 * what else it counts there (the stub connector's replies, the bot's CPU time).
 */
final class LoadGenerator {

    /** What one measuring window saw. */
    record Window(double seconds, long ok, long errors, long[] latencyNanos, long responseBytes, long totalOk,
                  String firstError) {

        double perSecond() {
            return ok / seconds;
        }

        double percentileMillis(double p) {
            if (latencyNanos.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(p / 100.0 * latencyNanos.length) - 1;
            return latencyNanos[Math.max(0, Math.min(latencyNanos.length - 1, index))] / 1e6;
        }

        long bytesPerResponse() {
            return ok == 0 ? 0 : responseBytes / ok;
        }
    }

    private final InetSocketAddress target;
    private final List<byte[]> requests;
    private final int expectedStatus;

    /**
     * @param requests one request per connection (sent again and again, an activity's id numbered anew each time),
     *                 so each connection can be its own conversation
     */
    LoadGenerator(int port, List<byte[]> requests, int expectedStatus) {
        this.target = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        this.requests = List.copyOf(requests);
        this.expectedStatus = expectedStatus;
    }

    Window run(Duration warmup, Duration measure, Runnable atStart, Runnable atEnd) throws InterruptedException {
        List<Connection> connections = new ArrayList<>();
        for (byte[] request : requests) {
            connections.add(new Connection(request));
        }
        connections.forEach(Connection::start);
        Thread.sleep(warmup.toMillis());
        atStart.run();
        long started = System.nanoTime();
        connections.forEach(c -> c.recording = true);
        Thread.sleep(measure.toMillis());
        connections.forEach(c -> c.recording = false);
        long ended = System.nanoTime();
        atEnd.run();
        for (Connection connection : connections) {
            connection.running = false;
        }
        for (Connection connection : connections) {
            connection.join(Duration.ofSeconds(30).toMillis());
            connection.closeSocket();
        }
        long ok = 0;
        long totalOk = 0;
        long errors = 0;
        long bytes = 0;
        int latencies = 0;
        String firstError = null;
        for (Connection connection : connections) {
            ok += connection.ok;
            totalOk += connection.totalOk;
            errors += connection.errors;
            bytes += connection.bytes;
            latencies += connection.latencyCount;
            if (firstError == null) {
                firstError = connection.firstError.get();
            }
        }
        long[] all = new long[latencies];
        int at = 0;
        for (Connection connection : connections) {
            System.arraycopy(connection.latencies, 0, all, at, connection.latencyCount);
            at += connection.latencyCount;
        }
        Arrays.sort(all);
        return new Window((ended - started) / 1e9, ok, errors, all, bytes, totalOk, firstError);
    }

    /** One keep-alive connection and the thread that drives it. */
    private final class Connection extends Thread {

        private final byte[] request;
        private final int sequenceSlot;
        volatile boolean running = true;
        volatile boolean recording;
        // written by this thread only, read after join()
        long ok;
        long totalOk;
        long errors;
        long bytes;
        long[] latencies = new long[4096];
        int latencyCount;
        final AtomicReference<String> firstError = new AtomicReference<>();
        private Socket socket;
        private InputStream in;
        private OutputStream out;

        Connection(byte[] request) {
            super("load-generator");
            setDaemon(true);
            this.request = request.clone();
            this.sequenceSlot = Activities.sequenceSlot(this.request);
        }

        @Override
        public void run() {
            while (running) {
                long sent = System.nanoTime();
                boolean inWindow = recording;
                try {
                    if (socket == null) {
                        open();
                    }
                    Activities.number(request, sequenceSlot);
                    out.write(request);
                    out.flush();
                    Http1.Head head = Http1.readHead(in);
                    if (head == null) {
                        throw new IOException("the server closed the connection before answering");
                    }
                    int status = head.status();
                    if (status == expectedStatus) {
                        long length = Http1.skipBody(in, head);
                        long latency = System.nanoTime() - sent;
                        totalOk++;
                        if (inWindow && recording) {
                            ok++;
                            bytes += length;
                            record(latency);
                        }
                    } else {
                        String body = Http1.readBody(in, head);
                        if (inWindow && recording) {
                            errors++;
                        }
                        firstError.compareAndSet(null, "HTTP " + status + " " + abbreviate(body));
                    }
                    if (head.close()) {
                        closeSocket();
                    }
                } catch (IOException | RuntimeException e) {
                    if (inWindow && recording) {
                        errors++;
                    }
                    firstError.compareAndSet(null, e.toString());
                    closeSocket();
                    pause();
                }
            }
        }

        private void record(long latency) {
            if (latencyCount == latencies.length) {
                latencies = Arrays.copyOf(latencies, latencies.length * 2);
            }
            latencies[latencyCount++] = latency;
        }

        private void open() throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.setSoTimeout((int) Duration.ofSeconds(30).toMillis());
            socket.connect(target, 5_000);
            in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
            out = socket.getOutputStream();
        }

        void closeSocket() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
                socket = null;
            }
        }

        private static void pause() {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 160 ? oneLine : oneLine.substring(0, 159) + "…";
    }
}
