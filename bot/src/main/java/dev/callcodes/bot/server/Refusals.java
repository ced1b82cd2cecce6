package dev.callcodes.bot.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/** Refusals written by filters, before any handler: the same small JSON error as the handlers' advice writes. */
public final class Refusals {

    private static final ObjectMapper JSON = new ObjectMapper();

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
    public static void unread(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
                              String message) throws IOException {
        if (request.getContentLengthLong() <= 0 && request.getHeader("Transfer-Encoding") == null) {
            write(response, status, message);
            return;
        }
        AsyncContext async = request.startAsync();
        async.setTimeout(DRAIN_MAX_MILLIS);
        Drain drain = new Drain(request.getInputStream(), async, response, status, message);
        async.addListener(drain);
        request.getInputStream().setReadListener(drain);
    }

    /** Writes the JSON error and closes the connection after it (a body may still be on its way). */
    public static void write(HttpServletResponse response, HttpStatus status, String message) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.setStatus(status.value());
        response.setHeader("Connection", "close");
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", message);
        if (status == HttpStatus.PAYLOAD_TOO_LARGE || status == HttpStatus.REQUEST_TIMEOUT) {
            body.put("field", "body");
        }
        body.put("status", status.value());
        JSON.writeValue(response.getOutputStream(), body);
    }

    /** Reads and drops a refused body, up to the bounds, then answers and finishes the request. */
    private static final class Drain implements ReadListener, AsyncListener {
        private final ServletInputStream input;
        private final AsyncContext async;
        private final HttpServletResponse response;
        private final HttpStatus status;
        private final String message;
        private final AtomicBoolean done = new AtomicBoolean();
        private final byte[] buffer = new byte[8192];
        private long drained;

        Drain(ServletInputStream input, AsyncContext async, HttpServletResponse response, HttpStatus status,
              String message) {
            this.input = input;
            this.async = async;
            this.response = response;
            this.status = status;
            this.message = message;
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
                    write(response, status, message);
                } catch (IOException | RuntimeException clientGone) {
                    // nobody is left to read the refusal
                } finally {
                    async.complete();
                }
            }
        }
    }
}
