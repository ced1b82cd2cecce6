package dev.callcodes.catalog.radar;

import java.util.List;

/**
 * What the radar found: the differences, the pages it read (as {@code repo/path}), and the pages it could not check
 * because they are absent from the docs (never reported as removals).
 */
public record RadarReport(List<Finding> findings, List<String> checked, List<String> notChecked) {

    public RadarReport {
        findings = List.copyOf(findings);
        checked = List.copyOf(checked);
        notChecked = List.copyOf(notChecked);
    }

    public boolean hasDifferences() {
        return !findings.isEmpty();
    }

    public List<Finding> of(Finding.Kind kind) {
        return findings.stream().filter(f -> f.kind() == kind).toList();
    }
}
