package dev.callcodes.catalog.intake;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A table's header row: its delimiter, its column names, which column holds which field, and the language its names
 * are in. A line is a header when it splits into at least two cells, none of them a number, and one names a code
 * column. The generic names "Code" and "Subcode" (the ACS tables) are a code column only beside each other.
 *
 * @param unnamedChecked whether the rows were already searched for a Microsoft code column no name announced
 */
record TableHeader(char delimiter, List<String> names, Map<Field, Integer> columns, String language,
                   boolean unnamedChecked) {

    private static final char[] DELIMITERS = {'\t', ',', ';', '|'};

    TableHeader {
        names = List.copyOf(names);
        columns = Map.copyOf(columns);
    }

    static TableHeader guessed(char delimiter, int width, Map<Field, Integer> columns) {
        return new TableHeader(delimiter, java.util.Collections.nCopies(width, ""), columns, null, true);
    }

    int width() {
        return names.size();
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
        Map<Field, Integer> generic = new EnumMap<>(Field.class);
        Map<String, Integer> languages = new HashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            int column = i;
            String cell = cells.get(i);
            Optional<Field> field = labels.fieldOfHeader(cell);
            field.ifPresent(f -> columns.putIfAbsent(f, column));
            if (field.isPresent()) {
                String language = labels.languageOf(cell);
                if (language != null && !language.equals(FieldLabels.ANY_LANGUAGE)) {
                    languages.merge(language, 1, Integer::sum);
                }
            } else {
                Field g = labels.genericField(FieldLabels.compact(cell));
                if (g != null) {
                    generic.putIfAbsent(g, column);
                }
            }
        }
        if (generic.containsKey(Field.SIP_CODE) && (generic.containsKey(Field.MICROSOFT_CODE)
                || columns.containsKey(Field.MICROSOFT_CODE))) {
            generic.forEach(columns::putIfAbsent);
        }
        if (columns.containsKey(Field.SIP_CODE) || columns.containsKey(Field.MICROSOFT_CODE)) {
            String language = languages.entrySet().stream().max(Map.Entry.comparingByValue())
                    .map(Map.Entry::getKey).orElse(null);
            return Optional.of(new TableHeader(delimiter, cells, columns, language, false));
        }
        return Optional.empty();
    }

    TableHeader withColumns(Map<Field, Integer> newColumns, boolean checked) {
        return new TableHeader(delimiter, names, newColumns, language, checked);
    }

    /** The cell of the field in a row, or null when the table has no such column or the row is too short. */
    String cell(List<String> cells, Field field) {
        Integer column = columns.get(field);
        return column == null || column >= cells.size() ? null : cells.get(column);
    }

    /** The last column a code is read from: a row shorter than this lost cells that matter. */
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
