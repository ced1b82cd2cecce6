package dev.callcodes.bot.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.callcodes.bot.chat.AnswerMetrics;
import dev.callcodes.bot.BotSettings;
import dev.callcodes.bot.server.Problem;
import dev.callcodes.catalog.explain.AnswerJson;
import dev.callcodes.catalog.report.PairCsv;
import dev.callcodes.catalog.report.ReportInput;
import dev.callcodes.catalog.report.ReportInputException;
import dev.callcodes.catalog.explanation.CallCodes;
import dev.callcodes.catalog.explanation.Explanation;
import dev.callcodes.catalog.explanation.ExplanationJson;
import dev.callcodes.catalog.intake.PlainText;
import dev.callcodes.catalog.intake.ReadingBudget;
import dev.callcodes.catalog.search.CatalogSearch;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Locale;

/**
 * The REST API for other tools (ticket systems, scripts, SBC dashboards): the same JSON as {@code explain --json}
 * and {@code search --json}, so one parser serves both.
 */
@RestController
class ExplainApiController {

    static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    /** Generous: REST callers are scripts that wait; reading is linear, so this only guards a loaded machine. */
    private static final Duration READING_BUDGET = Duration.ofSeconds(60);

    private final CallCodes codes;
    private final AnswerMetrics metrics;
    private final long maxReportBytes;

    ExplainApiController(CallCodes codes, AnswerMetrics metrics, BotSettings settings) {
        this.codes = codes;
        this.metrics = metrics;
        this.maxReportBytes = settings.maxReportBytes();
    }

    /** {@code {"text": "..."}}: any text with codes in it, from one pair to a pasted report. */
    // No "consumes": a wrong Content-Type gets the argument reader's 415, worded by HttpErrors.
    // No "produces" either: the answer is JSON whatever the Accept header says, and so is a refusal.
    @PostMapping(path = "/api/explain")
    ResponseEntity<ObjectNode> explain(@RequestBody JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new ApiException(Problem.INVALID, "text", "send a JSON object: {\"text\": \"510559 403\"}");
        }
        JsonNode text = body.get("text");
        if (text == null || text.isNull()) {
            throw new ApiException(Problem.INVALID, "text", "the field 'text' is missing: send {\"text\": \"510559 403\"}");
        }
        if (!text.isTextual()) {
            throw new ApiException(Problem.INVALID, "text", "the field 'text' must be a string, not " + text.getNodeType()
                    .name().toLowerCase(Locale.ROOT));
        }
        if (text.asText().isBlank()) {
            throw new ApiException(Problem.INVALID, "text", "the field 'text' is empty: give the codes or rows to explain");
        }
        try {
            return json(ExplanationJson.of(metrics.timed("api",
                    () -> codes.explain(PlainText.of(text.asText()), ReadingBudget.of(READING_BUDGET)),
                    Explanation::answers)));
        } catch (UncheckedIOException e) {
            throw unreadable("text");
        }
    }

    /**
     * The reader failed on the input itself: reading text in memory can fail no other way. The reader's own
     * message names what broke (Jackson's may quote the text), so the caller gets this one instead.
     */
    private static ApiException unreadable(String field) {
        return new ApiException(Problem.MALFORMED, field, "part of the " + (field.equals("text") ? "text" : "file") + " could not"
                + " be read: JSON that breaks off, or holds a raw control character in a string. Fix that part, or"
                + " send the rows as CSV");
    }

    /**
     * A report file as the request body (CSV, TSV, JSON or a .zip of them, any Content-Type), streamed: the same
     * JSON as {@code /api/explain}, or with {@code Accept: text/csv} the failed calls by code pair as CSV.
     */
    @PostMapping(path = "/api/report")
    ResponseEntity<?> report(InputStream body, @RequestHeader(name = "Accept", required = false) String accept)
            throws IOException {
        Explanation explanation;
        try (Reader text = ReportInput.open(body, maxReportBytes)) {
            explanation = metrics.timed("api", () -> {
                try {
                    return codes.explainReport(text, ReadingBudget.of(READING_BUDGET));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, Explanation::answers);
        } catch (UncheckedIOException e) {
            throw e.getCause() instanceof ReportInputException refused ? refusal(refused) : unreadable("body");
        } catch (ReportInputException refused) {
            throw refusal(refused);
        }
        if (explanation.report().isEmpty()) {
            throw new ApiException(Problem.NO_REPORT, "body", "no table of calls or call records found: send the admin center's"
                    + " Direct Routing export, a Graph getDirectRoutingCalls response or ACS call logs");
        }
        if (accept != null && accept.contains("text/csv")) {
            return ResponseEntity.ok().contentType(CSV).body(PairCsv.toString(explanation.report().get()));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(ExplanationJson.of(explanation));
    }

    private static ApiException refusal(ReportInputException refused) {
        return new ApiException(Problem.of(refused.kind()), "body", refused.getMessage());
    }

    /** {@code ?q=certificate expired&limit=5}. */
    @GetMapping(path = "/api/search")
    ResponseEntity<ObjectNode> search(@RequestParam(name = "q", required = false) String query,
                                      @RequestParam(name = "limit", required = false) String limit) {
        if (query == null || query.isBlank()) {
            throw new ApiException(Problem.INVALID, "q", "the parameter 'q' is missing or empty: /api/search?q=certificate");
        }
        return json(AnswerJson.results(codes.search().search(query, limit(limit)).stream()
                .map(CatalogSearch.Hit::entry).toList()));
    }

    private static ResponseEntity<ObjectNode> json(ObjectNode body) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }

    private static int limit(String value) {
        if (value == null || value.isBlank()) {
            return CatalogSearch.DEFAULT_LIMIT;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= 1 && n <= CatalogSearch.MAX_LIMIT) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ApiException(Problem.INVALID, "limit", "the parameter 'limit' must be a whole number from 1 to "
                + CatalogSearch.MAX_LIMIT + ", not '" + value + "'");
    }
}
