package dev.callcodes.catalog.text;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Codes in tables that have a header row naming a code column: the admin center's Direct Routing report (screen copy,
 * tab-separated), its CSV export, Graph or ACS exports as CSV, and Markdown tables. Rows are read by column, so other
 * numeric columns (durations, numbers, times) never turn into codes.
 */
final class TableCodes {

    private static final char[] DELIMITERS = {'\t', ',', ';', '|'};

    private final FieldLabels labels;

    TableCodes(FieldLabels labels) {
        this.labels = labels;
    }

    /** A table header: its delimiter and which column holds which field. */
    record Header(char delimiter, Map<Field, Integer> columns) {
    }

    /** References from every table in the lines; marks the lines a table consumed. */
    List<CodeReference> find(String text, List<Line> lines, boolean[] consumed) {
        List<CodeReference> refs = new ArrayList<>();
        Header header = null;
        for (Line line : lines) {
            String content = text.substring(line.start(), line.end());
            if (content.isBlank()) {
                continue;
            }
            Optional<Header> newHeader = header(content);
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

    private Optional<Header> header(String line) {
        for (char delimiter : DELIMITERS) {
            if (line.indexOf(delimiter) < 0) {
                continue;
            }
            List<String> cells = Cells.split(line, delimiter);
            if (cells.size() < 2 || cells.stream().anyMatch(TableCodes::isNumber)) {
                continue;
            }
            Map<Field, Integer> columns = new EnumMap<>(Field.class);
            for (int i = 0; i < cells.size(); i++) {
                int column = i;
                labels.fieldOfName(cells.get(i)).ifPresent(field -> columns.putIfAbsent(field, column));
            }
            if (columns.containsKey(Field.SIP_CODE) || columns.containsKey(Field.MICROSOFT_CODE)) {
                return Optional.of(new Header(delimiter, columns));
            }
        }
        return Optional.empty();
    }

    private static Optional<CodeReference> row(Header header, List<String> cells, int offset) {
        Integer sip = Codes.sipCode(cell(header, cells, Field.SIP_CODE));
        String ms = Codes.microsoftCode(cell(header, cells, Field.MICROSOFT_CODE));
        String phrase = cell(header, cells, Field.PHRASE);
        phrase = phrase == null || phrase.isBlank() ? null : phrase.strip();
        if (sip == null && ms == null) {
            return phrase == null ? Optional.empty() : Optional.of(CodeReference.phraseOnly(phrase, offset));
        }
        return Optional.of(new CodeReference(ms, sip, phrase, offset));
    }

    private static String cell(Header header, List<String> cells, Field field) {
        Integer column = header.columns().get(field);
        return column == null || column >= cells.size() ? null : cells.get(column);
    }

    private static boolean isNumber(String cell) {
        String stripped = cell.strip();
        return !stripped.isEmpty() && stripped.chars().allMatch(Character::isDigit);
    }
}
