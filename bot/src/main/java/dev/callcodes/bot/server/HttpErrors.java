package dev.callcodes.bot.server;

import com.fasterxml.jackson.databind.JsonMappingException;
import dev.callcodes.bot.chat.Failures;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import jakarta.servlet.ServletException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.stream.Collectors;

/**
 * The last word on every request the app's own advice did not answer: an RFC 9457 problem, always
 * {@code application/problem+json} whatever the {@code Accept} header asks for (an error in the caller's format of
 * choice, CSV say, cannot be written, and Spring would turn it into a 500 or an empty body). Bad requests keep their
 * 4xx; a failure on the app's side, including a {@link StackOverflowError} that an input can cause, is the usual
 * apology with a {@code reference} the log also has, never exception text.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class HttpErrors {

    private final Failures failures;

    HttpErrors(Failures failures) {
        this.failures = failures;
    }

    /**
     * Spring MVC's own refusals: unknown path, wrong method, wrong media type, missing parameter. A servlet exception
     * that is not one of them carries an {@link Error} from a handler ("Handler dispatch failed"): a failure. Their
     * statuses are Spring's; only the wording is this app's.
     */
    @ExceptionHandler({ServletException.class, ErrorResponseException.class})
    ResponseEntity<ProblemDetail> refused(Exception e) {
        if (!(e instanceof ErrorResponse refusal)) {
            return failed(e.getCause() != null ? e.getCause() : e);
        }
        HttpStatusCode status = refusal.getStatusCode();
        if (status.is5xxServerError()) {
            return failed(e);
        }
        String message = switch (status.value()) {
            case 404 -> "no such endpoint: see the REST API in the README";
            case 405 -> "this endpoint does not take that method";
            case 406 -> "this endpoint answers in JSON (and /api/report also in text/csv)";
            case 415 -> "send JSON with the header Content-Type: application/json";
            default -> "the request is not valid here";
        };
        return problem(ProblemDetail.forStatusAndDetail(status, message));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        // Valid JSON with a value of the wrong shape (an activity's timestamp without a fraction of a second, which
        // the SDK's date format refuses) names its field; the value itself is what the sender wrote, not repeated.
        if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(step -> step.getFieldName() != null ? step.getFieldName() : "[" + step.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            if (field.length() > 100) {
                field = field.substring(0, 100) + "\u2026";
            }
            return problem(Problem.MALFORMED.detail("the field " + field + " has a value that cannot be read here",
                    field));
        }
        return problem(Problem.MALFORMED.detail("the body is not valid JSON", "body"));
    }

    @ExceptionHandler({RuntimeException.class, StackOverflowError.class})
    ResponseEntity<ProblemDetail> failed(Throwable e) {
        return failure(failures.record("api", e));
    }

    /** The apology for a failure on the app's side, with the reference {@link Failures#record} logged it under. */
    public static ResponseEntity<ProblemDetail> failure(String reference) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                Failures.apology(reference));
        problem.setProperty("reference", reference);
        return problem(problem);
    }

    /**
     * A problem answer; the content type is set here so that no {@code Accept} header can refuse it. The connection
     * closes after it and says so: a refusal may leave part of the body unread, which Tomcat does not drain
     * ({@code ServerTuning}), and a client that kept the connection would lose its next request on it.
     */
    public static ResponseEntity<ProblemDetail> problem(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).header(HttpHeaders.CONNECTION, "close")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
