package dev.callcodes.bot.server;

import dev.callcodes.bot.BotSettings;
import dev.callcodes.catalog.report.ReportInput;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Receives every request body before any handler runs, without holding one of Tomcat's threads while it arrives:
 * the body is read with a {@link ReadListener} as bytes come in, and the request is handed to its handler (an async
 * dispatch) only once the whole body is here. A client that sends a byte a second therefore costs a socket and a
 * small buffer, never a thread, so health probes and other requests keep being served however many such clients
 * there are (the probe held 220 connections open this way and took liveness down for 100 s).
 *
 * <p>Three limits, each refused with a problem JSON ({@link Problem}) without reading further, and the connection closed:
 * a body over its size ({@code CALLCODES_API_MAX_BODY_BYTES}; report and file uploads
 * {@code CALLCODES_REPORT_MAX_BYTES}), declared or counted as it streams: 413; more bodies arriving at once than
 * {@code CALLCODES_MAX_CONCURRENT_UPLOADS}: 503 with Retry-After; a body that takes longer than
 * {@code CALLCODES_BODY_READ_SECONDS}: 408.
 *
 * <p>Why not a separate management port for the probes: App Service's health check and warm-up call the site's
 * own port, and a second port would keep the probes up while every real request starved. Why not a bounded
 * executor: a thread per slow body is exactly what an attacker exhausts; non-blocking reads need none.
 */
@Component
@Order(RequestBodyGuard.ORDER)
public class RequestBodyGuard extends OncePerRequestFilter implements ServletRequestListener {

    /** Paths whose bodies are files (a report, a file for the local chat page): they get the report limit. */
    static final Set<String> FILE_PATHS = Set.of("/api/report", "/local/files");
    static final int RETRY_AFTER_SECONDS = 5;
    /** Right after the access check: a caller who may not call the API does not get to send it a body. */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    private final long maxBodyBytes;
    private final long maxFileBytes;
    private final long readTimeoutMillis;
    private final int maxReceiving;
    private final Semaphore receiving;

    RequestBodyGuard(BotSettings settings) {
        this.maxBodyBytes = settings.maxBodyBytes();
        this.maxFileBytes = settings.maxReportBytes();
        this.readTimeoutMillis = settings.server().bodyReadSeconds() * 1000L;
        this.maxReceiving = settings.server().maxConcurrentUploads();
        this.receiving = new Semaphore(maxReceiving);
    }

    /** Bodies being received now. */
    int receivingNow() {
        return maxReceiving - receiving.availablePermits();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean chunked = "chunked".equalsIgnoreCase(request.getHeader("Transfer-Encoding"));
        long declared = request.getContentLengthLong();
        if (declared <= 0 && !chunked) {
            chain.doFilter(request, response);
            return;
        }
        boolean file = FILE_PATHS.contains(request.getRequestURI());
        long limit = file ? maxFileBytes : maxBodyBytes;
        if (declared > limit) {
            Refusals.unread(request, response, tooLarge(file, limit));
            return;
        }
        if (!receiving.tryAcquire()) {
            response.setHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
            Refusals.unread(request, response, Problem.UNAVAILABLE.detail("the server is receiving too many"
                    + " requests at once: try again in " + RETRY_AFTER_SECONDS + " seconds", null));
            return;
        }
        ReceivedRequest received = new ReceivedRequest(request);
        AsyncContext async = request.startAsync(received, response);
        async.setTimeout(readTimeoutMillis);
        Receiver receiver = new Receiver(request, async, received, limit, file, declared);
        async.addListener(receiver);
        try {
            request.getInputStream().setReadListener(receiver);
        } catch (RuntimeException | IOException e) {
            receiver.release();
            throw e;
        }
    }

    /** The async dispatch of a received body goes straight to its handler. */
    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return true;
    }

    /** Whatever a request ends like, its spooled body goes with it. */
    @Override
    public void requestDestroyed(ServletRequestEvent event) {
        if (event.getServletRequest().getAttribute(ReceivedBody.ATTRIBUTE) instanceof ReceivedBody body) {
            body.discard();
        }
    }

    private static ProblemDetail tooLarge(boolean file, long limit) {
        return Problem.TOO_LARGE.detail(file ? ReportInput.tooLarge(limit).getMessage()
                : "the request body is over the limit of " + limit + " bytes: send less text at a time", "body");
    }

    private static final int READ_BUFFER_BYTES = 16 * 1024;

    /** Reads the body as it arrives; hands the request on when it is whole, refuses it when it breaks a limit. */
    private final class Receiver implements ReadListener, AsyncListener {
        private final HttpServletRequest request;
        private final AsyncContext async;
        private final ReceivedRequest received;
        private final long limit;
        private final boolean file;
        private final ReceivedBody body;
        /** Sized to a declared body: a chat message is a few hundred bytes, and 16 KB each was 7% of its bytes. */
        private final byte[] buffer;
        private final AtomicBoolean released = new AtomicBoolean();
        private volatile boolean finished;

        Receiver(HttpServletRequest request, AsyncContext async, ReceivedRequest received, long limit, boolean file,
                 long declared) {
            this.request = request;
            this.async = async;
            this.received = received;
            this.limit = limit;
            this.file = file;
            this.body = new ReceivedBody(declared);
            this.buffer = new byte[(int) Math.min(READ_BUFFER_BYTES, declared > 0 ? declared : READ_BUFFER_BYTES)];
            request.setAttribute(ReceivedBody.ATTRIBUTE, body);
        }

        @Override
        public void onDataAvailable() throws IOException {
            ServletInputStream in = request.getInputStream();
            while (!finished && in.isReady()) {
                int n = in.read(buffer);
                if (n < 0) {
                    return;
                }
                if (body.size() + n > limit) {
                    refuse(tooLarge(file, limit));
                    return;
                }
                body.write(buffer, 0, n);
            }
        }

        @Override
        public void onAllDataRead() throws IOException {
            if (finished) {
                return;
            }
            finished = true;
            body.finish();
            received.body(body);
            release();
            async.dispatch();
        }

        @Override
        public void onError(Throwable failure) {
            // The client went away or the connection broke: nobody is left to answer.
            finished = true;
            release();
            body.discard();
            try {
                async.complete();
            } catch (IllegalStateException alreadyDone) {
                // completed by a timeout or a refusal meanwhile
            }
        }

        @Override
        public void onTimeout(AsyncEvent event) throws IOException {
            if (!finished) {
                refuse(Problem.TOO_SLOW.detail("the request body did not arrive within "
                        + readTimeoutMillis / 1000 + " seconds: send it at once, or a smaller one", "body"));
            }
        }

        @Override
        public void onComplete(AsyncEvent event) {
            release();
        }

        @Override
        public void onError(AsyncEvent event) {
            onError(event.getThrowable());
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            // a handler's own async work after the dispatch is not ours to watch
        }

        private void refuse(ProblemDetail problem) throws IOException {
            if (finished) {
                return;
            }
            finished = true;
            release();
            body.discard();
            Refusals.write(request, (HttpServletResponse) async.getResponse(), problem);
            async.complete();
        }

        void release() {
            if (released.compareAndSet(false, true)) {
                receiving.release();
            }
        }
    }
}
