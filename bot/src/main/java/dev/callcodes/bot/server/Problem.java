package dev.callcodes.bot.server;

import dev.callcodes.catalog.report.ReportInputException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Why the app refuses a request, each kind with its status: the one place a refusal's status is decided. Every
 * refusal, from a handler or from a filter, is an RFC 9457 problem ({@code application/problem+json}) with a short
 * {@code detail} for a person and, when one field is to blame, its name as {@code field}.
 */
public enum Problem {
    /** A field or parameter that is missing, empty or of the wrong type or range. */
    INVALID(HttpStatus.BAD_REQUEST),
    /** A body that cannot be parsed: broken JSON, a damaged zip, a cut-off file. */
    MALFORMED(HttpStatus.BAD_REQUEST),
    /** A file that is binary and not a zip. */
    NOT_TEXT(HttpStatus.BAD_REQUEST),
    /** A zip this app does not open: a password, an unknown compression method, an archive inside. */
    UNSUPPORTED_FILE(HttpStatus.BAD_REQUEST),
    /** Text or a zip with nothing in it that reads as a report. */
    NO_REPORT(HttpStatus.BAD_REQUEST),
    /** No credentials, or wrong ones. */
    UNAUTHENTICATED(HttpStatus.UNAUTHORIZED),
    /** Credentials that do not cover what was asked (another tenant's counts). */
    FORBIDDEN(HttpStatus.FORBIDDEN),
    /** A body that did not arrive in time. */
    TOO_SLOW(HttpStatus.REQUEST_TIMEOUT),
    /** A body or a file over its limit. */
    TOO_LARGE(HttpStatus.PAYLOAD_TOO_LARGE),
    /** A body in a media type the endpoint does not read. */
    UNSUPPORTED_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE),
    /** The app cannot take the request now (too many bodies arriving, token keys out of reach): come back later. */
    UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE);

    private final HttpStatus status;

    Problem(HttpStatus status) {
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }

    /** The problem to answer with; {@code field} may be null. */
    public ProblemDetail detail(String detail, String field) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        if (field != null) {
            problem.setProperty("field", field);
        }
        return problem;
    }

    /** A report file the reader refused, by the reader's own kind of refusal. */
    public static Problem of(ReportInputException.Kind kind) {
        return switch (kind) {
            case TOO_LARGE -> TOO_LARGE;
            case NOT_TEXT -> NOT_TEXT;
            case DAMAGED -> MALFORMED;
            case UNSUPPORTED -> UNSUPPORTED_FILE;
            case NO_REPORT -> NO_REPORT;
            // Only a Teams download fails this way, and the chat answers it in words; no request body can.
            case UNREACHABLE -> INVALID;
        };
    }
}
