package dev.callcodes.bot.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;

import java.io.IOException;
import java.net.URI;
import java.util.concurrent.atomic.AtomicBoolean;

/** Refusals written by filters, before any handler: the same problem JSON as {@link HttpErrors} answers with. */
public final class Refusals {

    /** Writes a problem's extension properties at the top level, as Spring MVC's own JSON writer does. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class);

    private Refusals() {
    }

    /** What a refusal still reads of a body on its way, so that closing the connection does not reset it. */
    static final int DRAIN_MAX_BYTES = 1 << 20;
    static final long DRAIN_MAX_MILLIS = 2_000;

    /**
     * Refuses a request without holding a thread for its body. Up to {@link #DRAIN_MAX_BYTES} of the body, for at
     * most {@link #DRAIN_MAX_MILLIS}, is read without blocking and dropped first; then the answer goes out and the
     * connection closes. Answering first raced the client: closing a socket with unread data makes the kernel
     * answer with a reset, which can destroy the refusal before the client reads it (the JDK client then reports
     * "header parser received no bytes", seen in CI on a 30 KB body). A client that trickles or sends far more is
     * answered at the bound instead, and may see the reset: nothing can both refuse it cheaply and be heard.
     */
    public static void unread(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        if (request.getContentLengthLong() <= 0 && request.getHeader("Transfer-Encoding") == null) {
            write(request, response, problem);
            return;
        }
        AsyncContext async = request.startAsync();
        async.setTimeout(DRAIN_MAX_MILLIS);
        Drain drain = new Drain(request, async, response, problem);
        async.addListener(drain);
        request.getInputStream().setReadListener(drain);
    }

    /**
     * Writes the problem and closes the connection after it (a body may still be on its way). The problem's
     * {@code instance} is the request's path, as Spring MVC sets it for a handler's problem.
     */
    public static void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        if (problem.getInstance() == null) {
            try {
                problem.setInstance(URI.create(request.getRequestURI()));
            } catch (IllegalArgumentException notAUri) {
                // the refusal stands without it
            }
        }
        response.setStatus(problem.getStatus());
        response.setHeader("Connection", "close");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        JSON.writeValue(response.getOutputStream(), problem);
    }

    /** Reads and drops a refused body, up to the bounds, then answers and finishes the request. */
    private static final class Drain implements ReadListener, AsyncListener {
        private final HttpServletRequest request;
        private final ServletInputStream input;
        private final AsyncContext async;
        private final HttpServletResponse response;
        private final ProblemDetail problem;
        private final AtomicBoolean done = new AtomicBoolean();
        private final byte[] buffer = new byte[8192];
        private long drained;

        Drain(HttpServletRequest request, AsyncContext async, HttpServletResponse response, ProblemDetail problem)
                throws IOException {
            this.request = request;
            this.input = request.getInputStream();
            this.async = async;
            this.response = response;
            this.problem = problem;
        }

        @Override
        public void onDataAvailable() throws IOException {
            while (input.isReady()) {
                int n = input.read(buffer);
                if (n < 0) {
                    break;
                }
                drained += n;
                if (drained > DRAIN_MAX_BYTES) {
                    finish();
                    return;
                }
            }
        }

        @Override
        public void onAllDataRead() {
            finish();
        }

        @Override
        public void onError(Throwable failure) {
            finish();
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            finish();
        }

        @Override
        public void onError(AsyncEvent event) {
            finish();
        }

        @Override
        public void onComplete(AsyncEvent event) {
            done.set(true);
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
        }

        private void finish() {
            if (done.compareAndSet(false, true)) {
                try {
                    write(request, response, problem);
                } catch (IOException | RuntimeException clientGone) {
                    // nobody is left to read the refusal
                } finally {
                    async.complete();
                }
            }
        }
    }
}
