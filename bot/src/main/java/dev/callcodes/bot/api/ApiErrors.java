package dev.callcodes.bot.api;

import dev.callcodes.bot.server.HttpErrors;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.Map;

/**
 * The REST API's refusals with its own wording: a small JSON object, {@code {"error": "...", "field": "..."}},
 * always JSON whatever the {@code Accept} header says (with {@code Accept: text/csv} on /api/report, Spring could
 * not write an error as CSV and answered 500). Everything else goes to {@link HttpErrors}.
 */
@RestControllerAdvice(assignableTypes = {ExplainApiController.class, StatsApiController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrors {

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Map<String, Object>> refused(ApiException e) {
        return HttpErrors.json(HttpStatus.valueOf(e.status()), e.getMessage(), e.field());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
        return HttpErrors.json(HttpStatus.BAD_REQUEST, "the body is not valid JSON: send {\"text\": \"510559 403\"}",
                null);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Map<String, Object>> mediaType(HttpMediaTypeNotSupportedException e) {
        return HttpErrors.json(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "send JSON with the header Content-Type: application/json", null);
    }
}
