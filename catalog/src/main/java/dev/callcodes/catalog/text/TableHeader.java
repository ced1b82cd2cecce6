package dev.callcodes.catalog.text;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A table's header row: its delimiter, how many columns it names, and which column holds which field. A line is a
 * header when it splits into at least two cells, none of them a number, and one names a code column.
 */
record TableHeader(char delimiter, int width, Map<Field, Integer> columns) {

    private static final char[] DELIMITERS = {'\t', ',', ';', '|'};

    TableHeader {
        columns = Map.copyOf(columns);
    }

    static Optional<TableHeader> parse(String line, FieldLabels labels) {
        for (char delimiter : DELIMITERS) {
            if (line.indexOf(delimiter) < 0) {
                continue;
            }
            Optional<TableHeader> header = fromCells(Cells.split(line, delimiter), delimiter, labels);
            if (header.isPresent()) {
                return header;
            }
        }
        return Optional.empty();
    }

    /** The header these cells make, if they are one. */
    static Optional<TableHeader> fromCells(List<String> cells, char delimiter, FieldLabels labels) {
        if (cells.size() < 2 || cells.stream().anyMatch(TableHeader::isNumber)) {
            return Optional.empty();
        }
        Map<Field, Integer> columns = new EnumMap<>(Field.class);
        for (int i = 0; i < cells.size(); i++) {
            int column = i;
            labels.fieldOfHeader(cells.get(i)).ifPresent(field -> columns.putIfAbsent(field, column));
        }
        if (columns.containsKey(Field.SIP_CODE) || columns.containsKey(Field.MICROSOFT_CODE)) {
            return Optional.of(new TableHeader(delimiter, cells.size(), columns));
        }
        return Optional.empty();
    }

    /** The cell of the field in a row, or null when the table has no such column or the row is too short. */
    String cell(List<String> cells, Field field) {
        Integer column = columns.get(field);
        return column == null || column >= cells.size() ? null : cells.get(column);
    }

    /** The last column a code or phrase is read from: a row shorter than this lost cells that matter. */
    int lastNeededColumn() {
        int last = -1;
        for (Field field : List.of(Field.SIP_CODE, Field.MICROSOFT_CODE)) {
            Integer column = columns.get(field);
            if (column != null) {
                last = Math.max(last, column);
            }
        }
        return last;
    }

    private static boolean isNumber(String cell) {
        String stripped = cell.strip();
        return !stripped.isEmpty() && stripped.chars().allMatch(Character::isDigit);
    }
}
