package dev.callcodes.catalog.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Codes in tables that have a header row naming a code column: the admin center's Direct Routing report (screen copy,
 * tab-separated), its CSV export, Graph or ACS exports as CSV, and Markdown tables. Rows are read by column, so other
 * numeric columns (durations, numbers, times) never turn into codes.
 */
final class TableCodes {

    private final FieldLabels labels;

    TableCodes(FieldLabels labels) {
        this.labels = labels;
    }

    /** References from every table in the lines; marks the lines a table consumed. */
    List<CodeReference> find(String text, List<Line> lines, boolean[] consumed) {
        List<CodeReference> refs = new ArrayList<>();
        TableHeader header = null;
        for (Line line : lines) {
            String content = text.substring(line.start(), line.end());
            if (content.isBlank()) {
                continue;
            }
            Optional<TableHeader> newHeader = TableHeader.parse(content, labels);
            if (newHeader.isPresent()) {
                header = newHeader.get();
                line.markConsumed(consumed);
                continue;
            }
            if (header == null) {
                continue;
            }
            List<String> cells = Cells.split(content, header.delimiter());
            if (cells.size() < 2) {
                header = null;
                continue;
            }
            line.markConsumed(consumed);
            row(header, cells, line.start()).ifPresent(refs::add);
        }
        return refs;
    }

    private static Optional<CodeReference> row(TableHeader header, List<String> cells, int offset) {
        Integer sip = Codes.sipCode(header.cell(cells, Field.SIP_CODE));
        String ms = Codes.microsoftCode(header.cell(cells, Field.MICROSOFT_CODE));
        String phrase = header.cell(cells, Field.PHRASE);
        phrase = phrase == null || phrase.isBlank() ? null : phrase.strip();
        if (sip == null && ms == null) {
            return phrase == null ? Optional.empty() : Optional.of(CodeReference.phraseOnly(phrase, offset));
        }
        return Optional.of(new CodeReference(ms, sip, phrase, offset));
    }
}
