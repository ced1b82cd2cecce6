package dev.callcodes.catalog.radar;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.callcodes.catalog.CodeLabels;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** The radar's report as text for people and as JSON for machines. */
public final class RadarOutput {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Map<Finding.Kind, String> TITLES = Map.of(
            Finding.Kind.NEW_PAGE, "New pages",
            Finding.Kind.NEW_PAIR, "New pairs",
            Finding.Kind.REMOVED_PAIR, "Removed pairs",
            Finding.Kind.REWORDED, "Reworded phrases",
            Finding.Kind.MOVED, "Moved between SIP codes");

    private RadarOutput() {
    }

    public static String text(RadarReport report) {
        StringBuilder out = new StringBuilder();
        out.append("Code radar: ").append(report.checked().size()).append(" pages checked, ")
                .append(report.notChecked().size()).append(" not checked, ")
                .append(report.findings().size()).append(report.findings().size() == 1 ? " difference" : " differences")
                .append("\n");
        for (Finding.Kind kind : Finding.Kind.values()) {
            List<Finding> findings = report.of(kind);
            if (findings.isEmpty()) {
                continue;
            }
            out.append("\n").append(TITLES.get(kind)).append(" (").append(findings.size()).append("):\n");
            for (Finding f : findings) {
                switch (kind) {
                    case NEW_PAGE -> out.append("  SIP ").append(f.sipCode()).append(": ").append(f.page()).append("\n");
                    case NEW_PAIR -> out.append("  ").append(pair(f)).append("  \"").append(f.published().phrase())
                            .append("\"\n      ").append(where(f)).append("\n");
                    case REMOVED_PAIR -> out.append("  ").append(pair(f)).append("  \"").append(f.catalogPhrase())
                            .append("\"\n      ").append(f.entryId()).append(", no longer on ").append(f.page()).append("\n");
                    case REWORDED -> out.append("  ").append(pair(f)).append("  ").append(f.entryId())
                            .append("\n      catalog:   \"").append(f.catalogPhrase())
                            .append("\"\n      published: \"").append(f.published().phrase())
                            .append("\"\n      ").append(where(f)).append("\n");
                    case MOVED -> out.append("  ").append(f.microsoftCode()).append(": SIP ").append(f.catalogSip())
                            .append(" in the catalog (").append(f.entryId()).append("), SIP ").append(f.sipCode())
                            .append(" on the page  \"").append(f.published().phrase()).append("\"\n      ")
                            .append(where(f)).append("\n");
                    default -> throw new IllegalStateException(kind.name());
                }
            }
        }
        if (!report.notChecked().isEmpty()) {
            out.append("\nNot checked (absent from the docs folder):\n");
            report.notChecked().forEach(page -> out.append("  ").append(page).append("\n"));
        }
        return out.toString();
    }

    public static String json(RadarReport report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("differences", report.findings().size());
        ArrayNode findings = root.putArray("findings");
        for (Finding f : report.findings()) {
            ObjectNode node = findings.addObject();
            node.put("kind", f.kind().name());
            node.put("family", f.family());
            node.put("page", f.page());
            node.put("microsoftCode", f.microsoftCode());
            if (f.sipCode() == null) {
                node.putNull("sipCode");
            } else {
                node.put("sipCode", f.sipCode());
            }
            node.put("publishedPhrase", f.published() == null ? null : f.published().phrase());
            if (f.published() == null) {
                node.putNull("line");
            } else {
                node.put("line", f.published().line());
            }
            node.put("entryId", f.entryId());
            node.put("catalogPhrase", f.catalogPhrase());
            if (f.catalogSip() == null) {
                node.putNull("catalogSipCode");
            } else {
                node.put("catalogSipCode", f.catalogSip());
            }
        }
        report.checked().forEach(root.putArray("checked")::add);
        report.notChecked().forEach(root.putArray("notChecked")::add);
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String pair(Finding f) {
        String label = CodeLabels.pair(f.microsoftCode(), f.sipCode());
        return label.isEmpty() ? "(no code)" : label;
    }

    private static String where(Finding f) {
        return f.page() + " line " + f.published().line();
    }
}
