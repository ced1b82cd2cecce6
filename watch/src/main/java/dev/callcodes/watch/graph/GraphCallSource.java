package dev.callcodes.watch.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.callcodes.watch.calls.CallRow;
import dev.callcodes.watch.calls.CallRowParser;
import dev.callcodes.watch.calls.CallSource;
import dev.callcodes.watch.calls.SourceException;
import dev.callcodes.watch.calls.SourceException.Problem;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code GET /v1.0/communications/callRecords/getDirectRoutingCalls(fromDateTime=..,toDateTime=..)} with the JDK
 * HttpClient: follows {@code @odata.nextLink} (1,000 rows a page), streams each page into rows, retries 429 after
 * {@code Retry-After} and 502/503/504 and broken connections with backoff, and gets a fresh token once when Graph
 * answers 401. A next link must stay on the configured Graph host: the bearer token is never sent elsewhere.
 */
public final class GraphCallSource implements CallSource {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final URI graphBase;
    private final TokenProvider tokens;
    private final HttpClient http;
    private final RetryPolicy retry;
    private final Sleeper sleeper;
    private final Clock clock;
    private final CallRowParser parser = new CallRowParser();

    public GraphCallSource(URI graphBase, TokenProvider tokens, HttpClient http, RetryPolicy retry, Sleeper sleeper,
                           Clock clock) {
        this.graphBase = graphBase;
        this.tokens = tokens;
        this.http = http;
        this.retry = retry;
        this.sleeper = sleeper;
        this.clock = clock;
    }

    /** The JDK client the watch uses: HTTP/1.1, a connect timeout, redirects not followed (they would carry the token). */
    public static HttpClient httpClient(javax.net.ssl.SSLContext trust) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER);
        if (trust != null) {
            builder.sslContext(trust);
        }
        return builder.build();
    }

    public URI firstPage(Instant from, Instant to) {
        String base = graphBase.toString().endsWith("/") ? graphBase.toString() : graphBase + "/";
        return URI.create(base + "v1.0/communications/callRecords/getDirectRoutingCalls(fromDateTime="
                + from.truncatedTo(ChronoUnit.SECONDS) + ",toDateTime=" + to.truncatedTo(ChronoUnit.SECONDS) + ")");
    }

    @Override
    public ReadResult read(Instant from, Instant to, Consumer<CallRow> sink) throws SourceException {
        URI next = firstPage(from, to);
        int pages = 0;
        long rows = 0;
        long unreadable = 0;
        String firstProblem = null;
        int[] retries = {0};
        while (next != null) {
            CallRowParser.Page page = fetch(next, sink, retries);
            pages++;
            rows += page.rows();
            unreadable += page.unreadable();
            firstProblem = firstProblem != null ? firstProblem : page.firstProblem();
            next = page.nextLink() == null ? null : checkedNext(page.nextLink());
        }
        return new ReadResult(pages, rows, unreadable, firstProblem, retries[0]);
    }

    private URI checkedNext(String link) throws SourceException {
        URI uri;
        try {
            uri = URI.create(link);
        } catch (IllegalArgumentException e) {
            throw new SourceException(Problem.BAD_RESPONSE, "Graph sent a next link that is not a URL: " + link);
        }
        if (!graphBase.getScheme().equalsIgnoreCase(uri.getScheme())
                || !graphBase.getAuthority().equalsIgnoreCase(uri.getAuthority())) {
            throw new SourceException(Problem.BAD_RESPONSE, "Graph sent a next link to another host ("
                    + uri.getAuthority() + "); the token is not sent there");
        }
        return uri;
    }

    private CallRowParser.Page fetch(URI uri, Consumer<CallRow> sink, int[] retries) throws SourceException {
        boolean refreshed = false;
        for (int attempt = 1; ; attempt++) {
            String token = tokens.token(refreshed);
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT)
                    .header("Authorization", "Bearer " + token)
                    .header("Accept", "application/json")
                    .GET().build();
            HttpResponse<InputStream> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException e) {
                if (attempt >= retry.attempts()) {
                    throw new SourceException(Problem.UNREACHABLE, "Graph cannot be reached after " + attempt
                            + " tries: " + describe(e), e);
                }
                pause(attempt, Optional.empty(), retries);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SourceException(Problem.UNREACHABLE, "interrupted while reading Graph", e);
            }
            int status = response.statusCode();
            if (status == 200) {
                try (InputStream body = response.body()) {
                    return parser.parse(body, sink);
                } catch (IOException e) {
                    // A page cut off mid-body: what it held was already handed on; the caller drops the poll.
                    throw new SourceException(Problem.BAD_RESPONSE, "a Graph page could not be read: " + describe(e), e);
                }
            }
            String error = errorOf(response);
            if (status == 401 && !refreshed) {
                refreshed = true;
                continue;
            }
            if (RetryPolicy.retryable(status) && attempt < retry.attempts()) {
                pause(attempt, response.headers().firstValue("Retry-After"), retries);
                continue;
            }
            throw failure(status, error, attempt);
        }
    }

    private void pause(int attempt, Optional<String> retryAfter, int[] retries) throws SourceException {
        retries[0]++;
        try {
            sleeper.sleep(retry.delay(attempt, retryAfter, clock.instant()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceException(Problem.UNREACHABLE, "interrupted while waiting to retry Graph", e);
        }
    }

    private static SourceException failure(int status, String error, int attempts) {
        String said = error.isEmpty() ? "" : ": " + error;
        return switch (status) {
            case 401 -> new SourceException(Problem.CREDENTIALS, "Graph refused the app's token (401)" + said);
            case 403 -> new SourceException(Problem.PERMISSION, "Graph answered 403" + said + ": grant the app the"
                    + " application permission CallRecords.Read.All or CallRecord-PstnCalls.Read.All, with admin consent");
            case 429 -> new SourceException(Problem.THROTTLED, "Graph still throttled the watch (429) after "
                    + attempts + " tries" + said);
            case 500, 502, 503, 504 -> new SourceException(Problem.UNREACHABLE, "Graph answered " + status + " "
                    + attempts + " times" + said);
            default -> new SourceException(Problem.BAD_RESPONSE, "Graph answered " + status + said);
        };
    }

    /** Graph's {@code {"error": {"code", "message"}}}, as one short line; empty if the body is something else. */
    private static String errorOf(HttpResponse<InputStream> response) {
        try (InputStream body = response.body()) {
            byte[] bytes = body.readNBytes(8_192);
            JsonNode error = JSON.readTree(bytes).path("error");
            String code = error.path("code").asText("");
            String message = error.path("message").asText("");
            return (code + (message.isEmpty() ? "" : " " + message)).strip();
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : " (" + message + ")");
    }
}
