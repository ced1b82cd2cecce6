package dev.callcodes.catalog.explanation;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.callcodes.catalog.explain.AnswerJson;
import dev.callcodes.catalog.report.ReportJson;

/**
 * The JSON of an explanation, shared by the command line and the REST API: {@code {"kind", "answers", "notes",
 * "summary"}}, the summary only for a report. Field names are a public interface: add fields, never rename or remove
 * them.
 */
public final class ExplanationJson {

    private ExplanationJson() {
    }

    public static ObjectNode of(Explanation explanation) {
        ObjectNode root = AnswerJson.answers(explanation.answers());
        root.put("kind", explanation.kind().name());
        ArrayNode notes = root.putArray("notes");
        explanation.notes().forEach(notes::add);
        explanation.report().ifPresent(summary -> root.set("summary", ReportJson.summary(summary)));
        return root;
    }
}
