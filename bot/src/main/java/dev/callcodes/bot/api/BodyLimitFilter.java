package dev.callcodes.bot.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.callcodes.bot.BotSettings;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Refuses request bodies over {@code CALLCODES_API_MAX_BODY_BYTES} on every {@code /api/} endpoint with 413 and a
 * JSON error: at once when the length is declared, and as soon as the limit is crossed when it is streamed. Report
 * files ({@code /api/report}) have their own, larger limit, {@code CALLCODES_REPORT_MAX_BYTES}, applied as they
 * are read.
 */
@Component
class BodyLimitFilter extends OncePerRequestFilter {

    static final String REPORT_PATH = "/api/report";

    private final long maxBytes;
    private final ObjectMapper json;

    BodyLimitFilter(BotSettings settings, ObjectMapper json) {
        this.maxBytes = settings.maxBodyBytes();
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // A report is streamed and counted by ReportInput, unzipped bytes included.
        return !request.getRequestURI().startsWith("/api/") || request.getRequestURI().equals(REPORT_PATH);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            json.writeValue(response.getOutputStream(),
                    ApiErrors.body(HttpStatus.PAYLOAD_TOO_LARGE, message(), null).getBody());
            return;
        }
        chain.doFilter(new LimitedRequest(request), response);
    }

    private String message() {
        return "the request body is over the limit of " + maxBytes + " bytes: send less text at a time";
    }

    /** Thrown from inside the JSON reader; ApiErrors turns it into 413. */
    static final class BodyTooLargeException extends IOException {
        BodyTooLargeException(String message) {
            super(message);
        }
    }

    private final class LimitedRequest extends HttpServletRequestWrapper {
        private ServletInputStream limited;

        LimitedRequest(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (limited == null) {
                limited = new LimitedStream(super.getInputStream());
            }
            return limited;
        }
    }

    private final class LimitedStream extends ServletInputStream {
        private final ServletInputStream in;
        private long read;

        LimitedStream(ServletInputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws BodyTooLargeException {
            read += n;
            if (read > maxBytes) {
                throw new BodyTooLargeException(message());
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
