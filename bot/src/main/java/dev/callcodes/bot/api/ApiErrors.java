package dev.callcodes.bot.api;

import dev.callcodes.bot.server.HttpErrors;
import dev.callcodes.bot.server.Problem;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The REST API's refusals with its own wording, as RFC 9457 problems with the bad {@code field} named, always
 * {@code application/problem+json} whatever the {@code Accept} header says (with {@code Accept: text/csv} on
 * /api/report, Spring could not write an error as CSV and answered 500). Everything else goes to {@link HttpErrors}.
 */
@RestControllerAdvice(assignableTypes = {ExplainApiController.class, StatsApiController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrors {

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> refused(ApiException e) {
        return HttpErrors.problem(e.kind().detail(e.getMessage(), e.field()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        return HttpErrors.problem(Problem.MALFORMED.detail(
                "the body is not valid JSON: send {\"text\": \"510559 403\"}", "body"));
    }
}
