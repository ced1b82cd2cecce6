package dev.callcodes.watch.stub;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A local HTTP or HTTPS server on an ephemeral loopback port that stands in for Graph and the Entra ID token
 * endpoint. It sets TCP_NODELAY (the JDK server does not by default, and every reply would stall ~40 ms) and logs
 * every request.
 */
public final class StubServer implements AutoCloseable {

    /** One request as the stub saw it. */
    public record Request(String method, URI uri, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey() != null && e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }
    }

    /** An answer: status, headers, body. */
    public record Response(int status, Map<String, String> headers, byte[] body) {
        public static Response json(int status, String json) {
            return new Response(status, Map.of("Content-Type", "application/json"), json.getBytes(StandardCharsets.UTF_8));
        }
    }

    static {
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final String scheme;

    private StubServer(HttpServer server, String scheme) {
        this.server = server;
        this.scheme = scheme;
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "stub-server");
            t.setDaemon(true);
            return t;
        }));
    }

    public static StubServer http() throws IOException {
        return new StubServer(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0), "http");
    }

    public static StubServer https(SSLContext context) throws IOException {
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(context));
        return new StubServer(server, "https");
    }

    /** Answers requests whose path starts with {@code prefix}. */
    public StubServer route(String prefix, Function<Request, Response> handler) {
        server.createContext(prefix, exchange -> handle(exchange, handler));
        return this;
    }

    public StubServer start() {
        server.start();
        return this;
    }

    /** {@code https://localhost:PORT}: the certificate names localhost. */
    public URI base() {
        return URI.create(scheme + "://localhost:" + server.getAddress().getPort());
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public long count(String pathPrefix) {
        return requests.stream().filter(r -> r.uri().getPath().startsWith(pathPrefix)).count();
    }

    private void handle(HttpExchange exchange, Function<Request, Response> handler) throws IOException {
        try (exchange) {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI(),
                    Map.copyOf(exchange.getRequestHeaders()), body);
            requests.add(request);
            Response response;
            try {
                response = handler.apply(request);
            } catch (RuntimeException e) {
                response = Response.json(500, "{\"error\":{\"code\":\"stub\",\"message\":\"" + e + "\"}}");
            }
            response.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            exchange.sendResponseHeaders(response.status(), response.body().length == 0 ? -1 : response.body().length);
            if (response.body().length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(response.body());
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        if (server.getExecutor() instanceof java.util.concurrent.ExecutorService executor) {
            executor.shutdownNow();
        }
    }
}
