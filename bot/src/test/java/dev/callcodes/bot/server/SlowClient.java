package dev.callcodes.bot.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A client that declares a request body and then trickles it, a byte at a time, over a raw socket. */
final class SlowClient implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    final Socket socket;
    final String path;
    private final ByteArrayOutputStream answer = new ByteArrayOutputStream();

    SlowClient(int port, String path, long declared) throws IOException {
        this.path = path;
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(1);
        OutputStream out = socket.getOutputStream();
        out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + declared + "\r\n\r\n{\"text\": \"").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Sends one more byte and collects what the server said so far; false once the connection is gone. */
    boolean drip() {
        try {
            socket.getOutputStream().write('4');
            socket.getOutputStream().flush();
        } catch (IOException closed) {
            collect();
            return false;
        }
        return collect();
    }

    private boolean collect() {
        byte[] buffer = new byte[4096];
        try {
            InputStream in = socket.getInputStream();
            int n;
            while ((n = in.read(buffer)) > 0) {
                answer.write(buffer, 0, n);
            }
            return n >= 0;
        } catch (SocketTimeoutException nothingYet) {
            return true;
        } catch (IOException closed) {
            return false;
        }
    }

    /** The status line's code, or 0 while there is no answer. */
    int status() {
        String text = answer.toString(StandardCharsets.UTF_8);
        return text.startsWith("HTTP/1.1 ") ? Integer.parseInt(text.substring(9, 12)) : 0;
    }

    JsonNode body() throws IOException {
        String text = answer.toString(StandardCharsets.UTF_8);
        return JSON.readTree(text.substring(text.indexOf("\r\n\r\n") + 4));
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    static HttpResponse<String> get(int port, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
