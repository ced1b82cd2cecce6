package dev.callcodes.catalog.intake;

import java.util.ArrayList;
import java.util.List;

/** Splits one line into cells: RFC 4180 quoting for commas and semicolons; Markdown pipes with their outer edges. */
final class Cells {

    private Cells() {
    }

    static List<String> split(String line, char delimiter) {
        String content = line;
        if (delimiter == '|') {
            content = content.strip();
            if (content.startsWith("|")) {
                content = content.substring(1);
            }
            if (content.endsWith("|")) {
                content = content.substring(0, content.length() - 1);
            }
        }
        List<String> cells = new ArrayList<>();
        int length = content.length();
        int start = 0;
        while (true) {
            int first = start;
            while (first < length && content.charAt(first) != delimiter && Character.isWhitespace(content.charAt(first))) {
                first++;
            }
            int end;
            if (first < length && content.charAt(first) == '"') {
                StringBuilder cell = new StringBuilder();
                end = quoted(content, first + 1, delimiter, cell);
                cells.add(cell.toString().strip());
            } else {
                // The common case, a cell without quotes, costs one search and one substring.
                end = content.indexOf(delimiter, start);
                end = end < 0 ? length : end;
                cells.add(content.substring(start, end).strip());
            }
            if (end >= length) {
                return cells;
            }
            start = end + 1;
        }
    }

    /** Reads a quoted cell from just after its opening quote; text after the closing quote joins the cell. */
    private static int quoted(String content, int from, char delimiter, StringBuilder cell) {
        boolean inQuotes = true;
        int i = from;
        for (; i < content.length(); i++) {
            char c = content.charAt(i);
            if (inQuotes) {
                if (c == '"' && i + 1 < content.length() && content.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    inQuotes = false;
                } else {
                    cell.append(c);
                }
            } else if (c == delimiter) {
                return i;
            } else {
                cell.append(c);
            }
        }
        return i;

    }
}
