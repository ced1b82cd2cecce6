package dev.callcodes.bot.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.callcodes.bot.chat.AnswerMetrics;
import dev.callcodes.catalog.explain.AnswerJson;
import dev.callcodes.catalog.explain.Explainer;
import dev.callcodes.catalog.search.CatalogSearch;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Locale;

/**
 * The REST API for other tools (ticket systems, scripts, SBC dashboards): the same JSON as {@code explain --json}
 * and {@code search --json}, so one parser serves both.
 */
@RestController
class ExplainApiController {

    private final Explainer explainer;
    private final CatalogSearch search;
    private final AnswerMetrics metrics;

    ExplainApiController(Explainer explainer, CatalogSearch search, AnswerMetrics metrics) {
        this.explainer = explainer;
        this.search = search;
        this.metrics = metrics;
    }

    /** {@code {"text": "..."}}: any text with codes in it, from one pair to a pasted report. */
    // No "consumes": a wrong Content-Type must reach ApiErrors, which only sees requests mapped to this controller.
    @PostMapping(path = "/api/explain", produces = MediaType.APPLICATION_JSON_VALUE)
    ObjectNode explain(@RequestBody JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new ApiException(400, "text", "send a JSON object: {\"text\": \"510559 403\"}");
        }
        JsonNode text = body.get("text");
        if (text == null || text.isNull()) {
            throw new ApiException(400, "text", "the field 'text' is missing: send {\"text\": \"510559 403\"}");
        }
        if (!text.isTextual()) {
            throw new ApiException(400, "text", "the field 'text' must be a string, not " + text.getNodeType()
                    .name().toLowerCase(Locale.ROOT));
        }
        if (text.asText().isBlank()) {
            throw new ApiException(400, "text", "the field 'text' is empty: give the codes or rows to explain");
        }
        return AnswerJson.answers(metrics.timed("api", () -> explainer.explain(text.asText()), answers -> answers));
    }

    /** {@code ?q=certificate expired&limit=5}. */
    @GetMapping(path = "/api/search", produces = MediaType.APPLICATION_JSON_VALUE)
    ObjectNode search(@RequestParam(name = "q", required = false) String query,
                      @RequestParam(name = "limit", required = false) String limit) {
        if (query == null || query.isBlank()) {
            throw new ApiException(400, "q", "the parameter 'q' is missing or empty: /api/search?q=certificate");
        }
        return AnswerJson.results(search.search(query, limit(limit)).stream().map(CatalogSearch.Hit::entry).toList());
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
        throw new ApiException(400, "limit", "the parameter 'limit' must be a whole number from 1 to "
                + CatalogSearch.MAX_LIMIT + ", not '" + value + "'");
    }
}
