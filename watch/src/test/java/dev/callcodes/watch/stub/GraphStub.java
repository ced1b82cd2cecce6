package dev.callcodes.watch.stub;

import dev.callcodes.watch.calls.CallRow;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Graph's {@code getDirectRoutingCalls} and Entra ID's token endpoint on one local server. Calls become visible at
 * their arrival time (on the shared clock), so late records are late here too; pages hold {@code pageSize} rows and
 * link on with {@code $skip}, as Graph's do. Faults are queued per endpoint: each request takes the next one.
 */
public final class GraphStub implements AutoCloseable {

    public static final String TENANT = "11111111-2222-3333-4444-555555555555";
    public static final String CLIENT = "66666666-7777-8888-9999-000000000000";
    /** The tenant by its domain: the token endpoint answers at this name too, as Entra ID does. */
    public static final String DOMAIN = "contoso.onmicrosoft.com";
    private static final Pattern WINDOW = Pattern.compile("fromDateTime=([^,)]+),toDateTime=([^)]+)\\)");

    private record Arrival(CallRow row, Instant arrivesAt) {
    }

    private final StubServer server;
    private final StubServer tokenServer;
    private final Clock clock;
    private final List<Arrival> calls = new CopyOnWriteArrayList<>();
    private final Deque<StubServer.Response> graphFaults = new ArrayDeque<>();
    private final Deque<StubServer.Response> tokenFaults = new ArrayDeque<>();
    private final AtomicInteger tokensIssued = new AtomicInteger();
    private volatile int pageSize = 1000;
    private volatile boolean outage;
    private volatile StubServer.Response tokenAnswer;
    private volatile String tokenTenant;

    private GraphStub(StubServer server, StubServer tokenServer, Clock clock) {
        this.server = server;
        this.tokenServer = tokenServer;
        this.clock = clock;
        tokenServer.route("/" + TENANT + "/oauth2/v2.0/token", this::token);
        tokenServer.route("/" + DOMAIN + "/oauth2/v2.0/token", this::token);
        server.route("/v1.0/communications/callRecords/", this::graph);
        server.start();
        if (tokenServer != server) {
            tokenServer.start();
        }
    }

    /**
     * Graph and the token endpoint both over TLS on one server (MSAL needs https; the JDK's HTTPS server is slow
     * for large pages: about 0.5 MB/s here, so use {@link #withHttpGraph} for many pages).
     */
    public static GraphStub https(Clock clock) throws IOException {
        StubServer server = StubServer.https(TestTls.get().server());
        return new GraphStub(server, server, clock);
    }

    /** The token endpoint over TLS, as MSAL requires, and Graph over plain HTTP on loopback. */
    public static GraphStub withHttpGraph(Clock clock) throws IOException {
        return new GraphStub(StubServer.http(), StubServer.https(TestTls.get().server()), clock);
    }

    public static GraphStub http(Clock clock) throws IOException {
        StubServer server = StubServer.http();
        return new GraphStub(server, server, clock);
    }

    public URI base() {
        return server.base();
    }

    public URI authority() {
        return tokenServer.base();
    }

    public StubServer server() {
        return server;
    }

    public StubServer tokenServer() {
        return tokenServer;
    }

    /** Environment for a watch pointed at this stub (secret credentials). */
    public Map<String, String> environment() {
        return Map.of("CALLCODES_GRAPH_TENANT_ID", TENANT, "CALLCODES_GRAPH_CLIENT_ID", CLIENT,
                "CALLCODES_GRAPH_CLIENT_SECRET", "stub-secret", "CALLCODES_GRAPH_AUTHORITY", authority() + "/",
                "CALLCODES_GRAPH_BASE_URL", base().toString());
    }

    public void add(CallRow row, Instant arrivesAt) {
        calls.add(new Arrival(row, arrivesAt));
    }

    public void addAll(List<CallRow> rows, Instant arrivesAt) {
        rows.forEach(row -> add(row, arrivesAt));
    }

    public void pageSize(int size) {
        pageSize = size;
    }

    public void outage(boolean on) {
        outage = on;
    }

    public synchronized void failGraph(StubServer.Response... responses) {
        graphFaults.addAll(List.of(responses));
    }

    public synchronized void failToken(StubServer.Response... responses) {
        tokenFaults.addAll(List.of(responses));
    }

    /** Every token request from now on gets this answer (null: tokens again). */
    public void tokenAnswer(StubServer.Response answer) {
        tokenAnswer = answer;
    }

    /** Entra ID's answer to a client secret that has expired, as a public bug report logged it (see resources). */
    public static StubServer.Response expiredSecret() {
        try (InputStream in = GraphStub.class.getResourceAsStream("/graph/token-error-aadsts7000222.json")) {
            return StubServer.Response.json(401, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Tokens from now on are JWTs whose payload carries this {@code tid}, as Entra ID's access tokens do (null:
     * opaque {@code stub-token-N} again).
     */
    public void tokenTenant(String tid) {
        tokenTenant = tid;
    }

    /** A JWT of this payload (JSON), signed by nobody: the watch reads its claims and never checks the signature. */
    public static String jwt(String payloadJson) {
        java.util.Base64.Encoder base64url = java.util.Base64.getUrlEncoder().withoutPadding();
        return base64url.encodeToString("{\"typ\":\"JWT\",\"alg\":\"RS256\",\"kid\":\"stub\"}".getBytes(
                StandardCharsets.UTF_8)) + "." + base64url.encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8))
                + "." + base64url.encodeToString("not a signature".getBytes(StandardCharsets.UTF_8));
    }

    public int tokensIssued() {
        return tokensIssued.get();
    }

    public long graphRequests() {
        return server.count("/v1.0/");
    }

    private synchronized StubServer.Response nextFault(Deque<StubServer.Response> faults) {
        return faults.pollFirst();
    }

    private StubServer.Response token(StubServer.Request request) {
        StubServer.Response fault = nextFault(tokenFaults);
        if (fault != null) {
            return fault;
        }
        if (tokenAnswer != null) {
            return tokenAnswer;
        }
        if (!request.body().contains("grant_type=client_credentials")) {
            return StubServer.Response.json(400, "{\"error\":\"unsupported_grant_type\"}");
        }
        int n = tokensIssued.incrementAndGet();
        String tid = tokenTenant;
        String token = tid == null ? "stub-token-" + n : jwt("{\"aud\":\"https://graph.microsoft.com\",\"iss\":"
                + "\"https://sts.windows.net/" + tid + "/\",\"app_displayname\":\"CallCodes\",\"appid\":\"" + CLIENT
                + "\",\"roles\":[\"CallRecords.Read.All\"],\"tid\":\"" + tid + "\",\"uti\":\"stub-" + n + "\"}");
        return StubServer.Response.json(200, "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"ext_expires_in\":3599,"
                + "\"access_token\":\"" + token + "\"}");
    }

    private StubServer.Response graph(StubServer.Request request) {
        if (outage) {
            return StubServer.Response.json(503, "{\"error\":{\"code\":\"ServiceUnavailable\",\"message\":\"outage\"}}");
        }
        StubServer.Response fault = nextFault(graphFaults);
        if (fault != null) {
            return fault;
        }
        String auth = request.header("Authorization");
        if (auth == null || !auth.startsWith("Bearer ")) {
            return StubServer.Response.json(401, "{\"error\":{\"code\":\"InvalidAuthenticationToken\"}}");
        }
        Matcher m = WINDOW.matcher(request.uri().getPath());
        if (!m.find()) {
            return StubServer.Response.json(400, "{\"error\":{\"code\":\"BadRequest\",\"message\":\"no window\"}}");
        }
        Instant from = Instant.parse(m.group(1));
        Instant to = Instant.parse(m.group(2));
        Instant now = clock.instant();
        List<CallRow> visible = new ArrayList<>();
        for (Arrival a : calls) {
            Instant start = a.row().startDateTime();
            if (!start.isBefore(from) && start.isBefore(to) && !a.arrivesAt().isAfter(now)) {
                visible.add(a.row());
            }
        }
        visible.sort(Comparator.comparing(CallRow::startDateTime));
        int skip = skip(request.uri().getRawQuery());
        int end = Math.min(visible.size(), skip + pageSize);
        String next = end < visible.size()
                ? server.base() + request.uri().getRawPath() + "?$skip=" + end : null;
        return new StubServer.Response(200, Map.of("Content-Type", "application/json"),
                GraphJson.page(visible.subList(Math.min(skip, visible.size()), end), next));
    }

    private static int skip(String query) {
        if (query == null) {
            return 0;
        }
        for (String part : query.split("&")) {
            if (part.startsWith("$skip=") || part.startsWith("%24skip=")) {
                return Integer.parseInt(part.substring(part.indexOf('=') + 1));
            }
        }
        return 0;
    }

    @Override
    public void close() {
        server.close();
        if (tokenServer != server) {
            tokenServer.close();
        }
    }
}
