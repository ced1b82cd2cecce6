package dev.callcodes.bot.teams;

import com.auth0.jwt.exceptions.JWTVerificationException;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.connector.authentication.AuthenticationException;
import com.microsoft.bot.schema.Activity;
import dev.callcodes.bot.chat.Failures;
import dev.callcodes.bot.server.HttpErrors;
import dev.callcodes.bot.server.Problem;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * {@code POST /api/messages}: where Teams (through the Bot Framework connector) and the local chat page deliver
 * activities. The SDK's Spring controller targets Spring 5, so this is the few lines it would have been.
 */
@RestController
class MessagesController {

    private static final Logger LOG = LoggerFactory.getLogger(MessagesController.class);

    /** How long a stopping app lets the turns it has answered send their replies. */
    static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(10);

    private final CallCodesAdapter adapter;
    private final CallCodesBot bot;
    private final AcceptedTurns turns;
    private final Failures failures;

    MessagesController(CallCodesAdapter adapter, CallCodesBot bot, AcceptedTurns turns, Failures failures) {
        this.adapter = adapter;
        this.bot = bot;
        this.turns = turns;
        this.failures = failures;
    }

    /**
     * @return the answer, or its future while the turn still decides it (an invoke waiting for the connector, a
     * token whose signing keys are being fetched). Spring answers a future through an async dispatch, which takes
     * the request through the filters and the servlet a second time; most answers are ready here, after
     * {@link AcceptedTurns}, so they are returned as they are.
     */
    @PostMapping(path = "/api/messages", consumes = "application/json")
    Object incoming(
            @RequestBody Activity activity,
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, defaultValue = "") String authorization) {
        CompletableFuture<InvokeResponse> processing;
        try {
            processing = adapter.authenticate(authorization, activity).thenCompose(identity ->
                    turns.answer(activity, adapter.processActivity(identity, activity, bot::onTurn)));
        } catch (RuntimeException | StackOverflowError e) {
            // The SDK throws some failures (a malformed token, for one) instead of failing its future; a deeply
            // nested activity can overflow the stack while it is read.
            processing = CompletableFuture.failedFuture(e);
        }
        CompletableFuture<ResponseEntity<?>> answer = processing.handle(this::respond);
        return answer.isDone() ? answer.join() : answer;
    }

    /**
     * Runs before the bot and the store it uses are closed (this controller depends on them), after the server has
     * stopped taking requests: a reply already promised by a 202 still goes out.
     */
    @PreDestroy
    void finishAcceptedTurns() throws InterruptedException {
        if (!turns.awaitIdle(SHUTDOWN_WAIT)) {
            LOG.warn("Stopping with {} answered turns still sending their replies", turns.waiting());
        }
    }

    /**
     * A refusal's reason may quote what the sender put in the token (java-jwt quotes a malformed header): one line,
     * control characters shown as escapes, so a forged token cannot write lines of its own into the log.
     */
    static String printable(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), 300));
        text.codePoints().limit(300).forEach(c -> {
            if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return text.length() > 300 ? out + "..." : out.toString();
    }

    private ResponseEntity<?> respond(InvokeResponse invokeResponse, Throwable error) {
        if (error == null) {
            // JSON whatever the Accept header says: Teams sends none, and another one must not turn this into a 500.
            return invokeResponse == null
                    ? ResponseEntity.accepted().build()
                    : ResponseEntity.status(invokeResponse.getStatus()).contentType(MediaType.APPLICATION_JSON)
                    .body(invokeResponse.getBody());
        }
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof AuthenticationException || cause instanceof JWTVerificationException) {
            LOG.warn("Rejected an activity that failed authentication: {}", printable(cause.getMessage()));
            return HttpErrors.problem(Problem.UNAUTHENTICATED.detail(
                    "the activity's Bot Framework token is missing or not valid", null));
        }
        return HttpErrors.failure(failures.record("messages", cause));
    }
}
