package dev.callcodes.bot.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.http.HttpStatus;

/** The whole RFC 9457 problem a refusal is expected to answer with, to compare with what came. */
public final class ProblemJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProblemJson() {
    }

    /** A refusal's problem; {@code field} may be null. */
    public static JsonNode of(int status, String detail, String instance, String field) {
        ObjectNode problem = JSON.createObjectNode();
        problem.put("type", "about:blank");
        problem.put("title", HttpStatus.valueOf(status).getReasonPhrase());
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("instance", instance);
        if (field != null) {
            problem.put("field", field);
        }
        return problem;
    }
}
