package dev.callcodes.catalog.text;

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
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < content.length(); i++) {
            char c = content.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < content.length() && content.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"' && cell.toString().isBlank()) {
                quoted = true;
                cell.setLength(0);
            } else if (c == delimiter) {
                cells.add(cell.toString().strip());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString().strip());
        return cells;
    }
}
