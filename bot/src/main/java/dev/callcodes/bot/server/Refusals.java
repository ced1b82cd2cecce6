package dev.callcodes.bot.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ReadListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Refusals written by filters, before any handler: the same small JSON error as the handlers' advice writes. */
public final class Refusals {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Refusals() {
    }

    /**
     * Refuses a request without reading its body. Switching the request to non-blocking reads first means Tomcat,
     * finishing the request, takes only what already arrived instead of waiting to drain the rest: a refused client
     * that trickles its body costs no thread.
     */
    public static void unread(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
                              String message) throws IOException {
        if (request.getContentLengthLong() <= 0 && request.getHeader("Transfer-Encoding") == null) {
            write(response, status, message);
            return;
        }
        AsyncContext async = request.startAsync();
        request.getInputStream().setReadListener(new Ignored());
        write(response, status, message);
        async.complete();
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

    /** Takes whatever arrives after a refusal and drops it. */
    private static final class Ignored implements ReadListener {
        @Override
        public void onDataAvailable() {
        }

        @Override
        public void onAllDataRead() {
        }

        @Override
        public void onError(Throwable failure) {
        }
    }
}
