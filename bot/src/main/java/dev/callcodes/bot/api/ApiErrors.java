package dev.callcodes.bot.api;

import dev.callcodes.bot.chat.Failures;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.LinkedHashMap;
import java.util.Map;

/** Every refusal of the REST API is a small JSON object: {@code {"error": "...", "field": "..."}}. */
@RestControllerAdvice(assignableTypes = ExplainApiController.class)
class ApiErrors {

    private final Failures failures;

    ApiErrors(Failures failures) {
        this.failures = failures;
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Map<String, Object>> refused(ApiException e) {
        return body(HttpStatus.valueOf(e.status()), e.getMessage(), e.field());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
        return body(HttpStatus.BAD_REQUEST, "the body is not valid JSON: send {\"text\": \"510559 403\"}", null);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Map<String, Object>> mediaType(HttpMediaTypeNotSupportedException e) {
        return body(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "send JSON with the header Content-Type: application/json", null);
    }

    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<Map<String, Object>> failed(RuntimeException e) {
        String reference = failures.record("api", e);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", Failures.apology(reference));
        body.put("reference", reference);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(body);
    }

    static ResponseEntity<Map<String, Object>> body(HttpStatus status, String message, String field) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", message);
        if (field != null) {
            body.put("field", field);
        }
        body.put("status", status.value());
        return ResponseEntity.status(status).body(body);
    }
}
