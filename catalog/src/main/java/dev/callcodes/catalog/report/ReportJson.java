package dev.callcodes.catalog.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * The {@code summary} object of the JSON contract, beside {@code answers}. Field names are a public interface: add
 * fields, never rename or remove them.
 */
public final class ReportJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ReportJson() {
    }

    public static ObjectNode summary(ReportSummary s) {
        ObjectNode node = NODES.objectNode();
        node.put("format", s.format().name());
        node.put("rowsRead", s.rowsRead());
        node.put("failedCalls", s.failedCalls());
        node.put("succeededCalls", s.succeededCalls());
        node.put("answeredElsewhere", s.answeredElsewhere());
        node.put("notCalls", s.notCalls());
        node.put("rowsWithoutCodes", s.rowsWithoutCodes());
        node.put("unreadableRows", s.unreadableRows());
        ArrayNode problems = node.putArray("problems");
        s.problems().forEach(p -> problems.addObject()
                .put("reason", p.reason()).put("rows", p.rows()).put("firstLine", p.firstLine()));
        node.put("otherLines", s.otherLines());
        node.putObject("originators")
                .put("sbc", s.originators().sbc())
                .put("microsoft", s.originators().microsoft())
                .put("unknown", s.originators().unknown());
        ArrayNode pairs = node.putArray("pairs");
        for (ReportSummary.PairCount p : s.pairs()) {
            ObjectNode pair = pairs.addObject();
            pair.put("microsoftCode", p.microsoftCode());
            pair.put("sipCode", p.sipCode());
            pair.put("count", p.count());
            pair.put("share", Math.round(p.share() * 10_000) / 10_000.0);
            pair.put("originator", p.originator().name());
            pair.put("phrase", p.phrase());
            pair.put("exampleCorrelationId", p.exampleCorrelationId());
        }
        node.put("pairsNotListed", s.pairsNotListed());
        node.set("bySbc", groups(s.bySbc()));
        node.set("byCallType", groups(s.byCallType()));
        if (s.first() != null) {
            node.putObject("timeRange").put("first", s.first().toString()).put("last", s.last().toString());
        } else {
            node.putNull("timeRange");
        }
        node.put("morePages", s.morePages());
        ArrayNode notes = node.putArray("notes");
        s.notes().forEach(notes::add);
        return node;
    }

    private static ArrayNode groups(List<ReportSummary.GroupCount> groups) {
        ArrayNode array = NODES.arrayNode();
        groups.forEach(g -> array.addObject().put("name", g.name()).put("calls", g.calls()).put("failed", g.failed()));
        return array;
    }
}
