package dev.callcodes.catalog.text;

import java.util.ArrayList;
import java.util.List;

/** One line of the text: [start, end) without its line break. */
record Line(int start, int end) {

    static List<Line> of(String text) {
        List<Line> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                int end = i > start && text.charAt(i - 1) == '\r' ? i - 1 : i;
                lines.add(new Line(start, end));
                start = i + 1;
            }
        }
        lines.add(new Line(start, text.length()));
        return lines;
    }

    void markConsumed(boolean[] consumed) {
        for (int i = start; i < end; i++) {
            consumed[i] = true;
        }
    }

    boolean contains(int offset) {
        return offset >= start && offset <= end;
    }
}
