package dev.callcodes.catalog.explain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.callcodes.catalog.CatalogEntry;
import dev.callcodes.catalog.PublishedPair;
import dev.callcodes.catalog.Q850Cause;
import dev.callcodes.catalog.SipCodeInfo;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The JSON contract shared by the command line and the REST API: {@code {"answers": [...]}} and
 * {@code {"results": [...]}}. Field names here are a public interface: add fields, never rename or remove them.
 */
public final class AnswerJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper PRETTY = new ObjectMapper();

    private AnswerJson() {
    }

    public static ObjectNode answers(List<Answer> answers) {
        ObjectNode root = NODES.objectNode();
        ArrayNode array = root.putArray("answers");
        answers.forEach(a -> array.add(answer(a)));
        return root;
    }

    public static ObjectNode results(List<CatalogEntry> entries) {
        ObjectNode root = NODES.objectNode();
        ArrayNode array = root.putArray("results");
        entries.forEach(e -> array.add(entry(e, null)));
        return root;
    }

    public static ObjectNode answer(Answer answer) {
        ObjectNode node = NODES.objectNode();
        node.put("microsoftCode", answer.microsoftCode());
        node.put("sipCode", answer.sipCode());
        node.put("originator", answer.originator().name());
        node.put("match", answer.match().name());
        node.put("occurrences", answer.occurrences());
        node.set("warnings", strings(answer.warnings()));
        node.set("notes", strings(answer.notes()));
        if (answer.phrase() != null) {
            node.put("phrase", answer.phrase());
        }
        node.set("sip", answer.sip() == null ? NODES.nullNode() : sip(answer.sip()));
        if (answer.q850Cause() == null) {
            node.putNull("q850Cause");
        } else {
            ObjectNode cause = node.putObject("q850Cause").put("cause", answer.q850Cause());
            Q850Cause known = answer.q850();
            if (known != null) {
                cause.put("name", known.name());
                ArrayNode sipCodes = cause.putArray("sipCodes");
                known.sipCodes().forEach(sipCodes::add);
                cause.put("meaning", known.meaning().strip());
                cause.put("inTeams", known.inTeams().strip());
                cause.set("checks", strings(known.checks()));
                cause.set("sources", strings(known.sources()));
            }
        }
        if (answer.rule() != null) {
            node.putObject("rule")
                    .put("written", answer.rule().written())
                    .put("kind", answer.rule().kind().name())
                    .put("summary", answer.rule().summary())
                    .put("codesInCatalog", answer.rule().codesInCatalog())
                    .set("sources", strings(answer.rule().sources()));
        }
        ArrayNode entries = node.putArray("entries");
        answer.entries().forEach(e -> entries.add(entry(e, answer.sipCode())));
        return node;
    }

    /** One entry; {@code sipCode} is the one the answer is about when the entry covers several. */
    public static ObjectNode entry(CatalogEntry entry, Integer wantedSipCode) {
        ObjectNode node = NODES.objectNode();
        node.put("id", entry.id());
        node.put("family", entry.family());
        node.put("microsoftCode", entry.microsoftCode());
        node.put("sipCode", entry.sipCodeFor(wantedSipCode));
        ArrayNode sipCodes = node.putArray("sipCodes");
        entry.sipCodes().forEach(sipCodes::add);
        node.put("phrase", entry.phrase());
        node.put("summary", entry.summary());
        node.put("cause", entry.cause());
        node.set("steps", strings(entry.steps()));
        node.put("originator", entry.originator().name());
        if (entry.originatorNote() != null) {
            node.put("originatorNote", entry.originatorNote());
        }
        node.set("appliesTo", strings(entry.appliesTo()));
        node.set("sources", strings(entry.sources()));
        node.set("related", strings(entry.related()));
        node.set("sourceNotes", strings(entry.sourceNotes()));
        if (!entry.publishedAs().isEmpty()) {
            ArrayNode published = node.putArray("publishedAs");
            for (PublishedPair pair : entry.publishedAs()) {
                ObjectNode p = published.addObject();
                p.put("microsoftCode", pair.microsoftCode() != null ? pair.microsoftCode() : entry.microsoftCode());
                p.put("sipCode", pair.sipCode());
                p.put("note", pair.note());
            }
        }
        if (!entry.context().isEmpty()) {
            ObjectNode context = node.putObject("context");
            entry.context().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(c -> context.put(c.getKey(), c.getValue()));
        }
        return node;
    }

    public static ObjectNode sip(SipCodeInfo info) {
        ObjectNode node = NODES.objectNode();
        node.put("code", info.code());
        node.put("reasonPhrase", info.reasonPhrase());
        node.put("class", info.codeClass());
        node.put("iana", info.iana());
        if (info.rfc() != null) {
            node.put("rfc", info.rfc());
        }
        node.put("meaning", info.meaning());
        node.put("inTeams", info.inTeams());
        node.set("sources", strings(info.sources()));
        return node;
    }

    /** Compact single-line JSON, as printed by {@code --lines}. */
    public static String compact(JsonNode node) {
        return node.toString();
    }

    /** Indented JSON for people. */
    public static String pretty(JsonNode node) {
        try {
            return PRETTY.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree failed to serialize", e);
        }
    }

    private static ArrayNode strings(Collection<String> values) {
        ArrayNode array = NODES.arrayNode();
        values.forEach(array::add);
        return array;
    }
}
