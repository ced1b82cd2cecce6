package dev.callcodes.catalog.intake;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tables in text, one line at a time: a header row names the columns (tab, comma, semicolon or pipe separated,
 * Markdown with its separator row, HTML tables as {@link PlainText} writes them); without one, rows in the admin
 * center's shape are recognised by their content ({@link HeaderlessLayout}). A line of words without the table's
 * delimiter ends the table (the "thanks" under a pasted table); any other row that cannot be read is reported, never
 * skipped silently. One per input; not thread-safe.
 */
final class TableReader {

    /** Rows held back while looking for a column of Microsoft codes that no header names. */
    private static final int UNNAMED_COLUMN_ROWS = 20;

    private final FieldLabels labels;
    private TableHeader header;
    private boolean headerless;
    private boolean found;
    private final List<PendingRow> pending = new ArrayList<>();
    private PendingRow held;
    private long rowsOfTable;
    private long completeRowsOfTable;

    private record PendingRow(List<String> cells, long line) {
    }

    TableReader(FieldLabels labels) {
        this.labels = labels;
    }

    /** Whether a table is being read: its rows may hold quoted line breaks. */
    boolean inTable() {
        return header != null;
    }

    /** Whether any table was found. */
    boolean found() {
        return found;
    }

    /**
     * Offers a non-blank line. True when the table took it (a header, a row, a separator, a row that could not be
     * read); false when it is not part of a table, and the caller reads it as text.
     */
    boolean offer(String text, long line, IntakeListener listener) {
        if (header != null && text.indexOf(header.delimiter()) < 0 && text.chars().noneMatch(Character::isLetter)) {
            row(List.of(text.strip()), line, listener);
            return true;
        }
        if (header != null && text.indexOf(header.delimiter()) >= 0) {
            List<String> cells = Cells.split(text, header.delimiter());
            if (isSeparatorRow(cells)) {
                return true;
            }
            Optional<TableHeader> repeated = repeatsHeader(cells)
                    ? TableHeader.fromCells(cells, header.delimiter(), labels) : Optional.empty();
            if (repeated.isPresent()) {
                start(repeated.get(), false, listener);
                return true;
            }
            if (!headerless || HeaderlessLayout.fits(header, cells)) {
                row(cells, line, listener);
                return true;
            }
        }
        Optional<TableHeader> newHeader = TableHeader.parse(text, labels);
        if (newHeader.isPresent()) {
            start(newHeader.get(), false, listener);
            return true;
        }
        Optional<TableHeader> guessed = HeaderlessLayout.guess(text);
        if (guessed.isPresent()) {
            start(guessed.get(), true, listener);
            row(Cells.split(text, header.delimiter()), line, listener);
            return true;
        }
        end(listener);
        return false;
    }

    /** The table ends (text, JSON or the budget's end follows): rows held back are read now. */
    void end(IntakeListener listener) {
        end(listener, false);
    }

    /**
     * The table ends; at the end of the input, its last row is checked for a cut: a paste or upload that stopped in
     * the middle of a row leaves it short, and a cell cut in half ("560000" as "5600") would count a call wrongly.
     */
    void end(IntakeListener listener, boolean endOfInput) {
        // Only a table whose other rows were all complete: a writer that leaves trailing cells out does it always.
        if (held != null && endOfInput && header != null && held.cells().size() < header.width()
                && rowsOfTable > 0 && completeRowsOfTable == rowsOfTable) {
            listener.unreadable(held.line(), "the last row stops after " + held.cells().size() + " of "
                    + header.width() + " cells: the paste or file seems cut off here");
            held = null;
        }
        releaseHeld(listener);
        flushPending(listener);
        header = null;
        headerless = false;
    }

    private void start(TableHeader newHeader, boolean isHeaderless, IntakeListener listener) {
        releaseHeld(listener);
        flushPending(listener);
        rowsOfTable = 0;
        completeRowsOfTable = 0;
        header = newHeader;
        headerless = isHeaderless;
        found = true;
    }

    /** Markdown's "| --- | :---: |" under the header: layout, not a row. */
    private static boolean isSeparatorRow(List<String> cells) {
        boolean dashes = false;
        for (String cell : cells) {
            String c = cell.strip();
            if (c.isEmpty()) {
                continue;
            }
            for (int i = 0; i < c.length(); i++) {
                char ch = c.charAt(i);
                if (ch != '-' && ch != ':' && ch != '=') {
                    return false;
                }
                dashes |= ch == '-' || ch == '=';
            }
        }
        return dashes;
    }

    /**
     * A header pasted again inside its table (two copies from the admin center, one after the other). Only the code
     * column is looked at, so data rows cost one comparison, not a header search.
     */
    private boolean repeatsHeader(List<String> cells) {
        Field codeField = header.columns().containsKey(Field.SIP_CODE) ? Field.SIP_CODE : Field.MICROSOFT_CODE;
        String cell = header.cell(cells, codeField);
        return cell != null && !cell.isEmpty() && !Character.isDigit(cell.charAt(0))
                && labels.fieldOfHeader(cell).filter(codeField::equals).isPresent();
    }

    /** Each row waits for the next line, so the last one of the input can be checked for a cut (see end). */
    private void row(List<String> cells, long line, IntakeListener listener) {
        releaseHeld(listener);
        held = new PendingRow(cells, line);
    }

    private void releaseHeld(IntakeListener listener) {
        if (held != null) {
            PendingRow row = held;
            held = null;
            take(row.cells(), row.line(), listener);
        }
    }

    private void take(List<String> cells, long line, IntakeListener listener) {
        rowsOfTable++;
        completeRowsOfTable += cells.size() >= header.width() ? 1 : 0;
        if (needsUnnamedColumn()) {
            pending.add(new PendingRow(cells, line));
            if (pending.size() >= UNNAMED_COLUMN_ROWS) {
                flushPending(listener);
            }
            return;
        }
        read(cells, line, listener);
    }

    private boolean needsUnnamedColumn() {
        return !headerless && header.columns().containsKey(Field.SIP_CODE)
                && !header.columns().containsKey(Field.MICROSOFT_CODE) && !header.unnamedChecked();
    }

    /**
     * A table that names a SIP code column but no Microsoft code column may still hold one (a header in a
     * language or wording we do not know): a column whose cells are Microsoft codes in the shape Teams writes
     * them (5xxxxx) on most rows is read as the Microsoft code, and a note says so.
     */
    private void flushPending(IntakeListener listener) {
        if (pending.isEmpty() || header == null) {
            pending.clear();
            return;
        }
        int column = unnamedMicrosoftColumn();
        Map<Field, Integer> columns = new EnumMap<>(header.columns());
        if (column >= 0) {
            columns.put(Field.MICROSOFT_CODE, column);
            listener.note("Column " + (column + 1) + (header.names().size() > column && !header.names().get(column).isBlank()
                    ? " (\u201C" + Codes.abbreviate(header.names().get(column)) + "\u201D)" : "")
                    + " holds Microsoft codes though its header does not say so: I read it as the Microsoft code.");
        }
        header = header.withColumns(columns, true);
        List<PendingRow> rows = List.copyOf(pending);
        pending.clear();
        for (PendingRow row : rows) {
            read(row.cells(), row.line(), listener);
        }
    }

    private int unnamedMicrosoftColumn() {
        int best = -1;
        int bestCount = 0;
        for (int c = 0; c < header.width(); c++) {
            if (header.columns().containsValue(c)) {
                continue;
            }
            int codes = 0;
            int filled = 0;
            for (PendingRow row : pending) {
                if (c >= row.cells().size() || row.cells().get(c).isBlank()) {
                    continue;
                }
                filled++;
                String cell = row.cells().get(c).strip();
                if (cell.length() == 6 && cell.charAt(0) == '5' && cell.chars().allMatch(Character::isDigit)
                        || cell.equals("0")) {
                    codes++;
                }
            }
            if (filled > 0 && codes * 5 >= filled * 4 && codes > bestCount) {
                best = c;
                bestCount = codes;
            }
        }
        return best;
    }

    private void read(List<String> cells, long line, IntakeListener listener) {
        int extra = cells.size() - header.width();
        if (extra > 0 && !cells.subList(header.width(), cells.size()).stream().allMatch(String::isEmpty)) {
            listener.unreadable(line, "the row has " + cells.size() + " cells but the header names " + header.width()
                    + " columns (a comma inside a cell without quotes?)");
            return;
        }
        if (cells.size() <= header.lastNeededColumn()) {
            listener.unreadable(line, "the row stops after " + cells.size() + (cells.size() == 1 ? " cell" : " cells")
                    + ", before the code columns");
            return;
        }
        Codes.Checked codes = Codes.check(header.cell(cells, Field.SIP_CODE), header.cell(cells, Field.MICROSOFT_CODE));
        if (codes.problem() != null) {
            listener.unreadable(line, codes.problem());
            return;
        }
        if (codes.second() != null) {
            listener.note("Line " + line + " lists two Microsoft codes in one cell (" + codes.microsoftCode() + "/"
                    + codes.second() + "); it was counted once, as " + codes.microsoftCode() + ".");
        }
        listener.record(new CallRecord(codes.microsoftCode(), codes.sipCode(), value(cells, Field.PHRASE),
                value(cells, Field.SBC_FQDN), value(cells, Field.CALL_TYPE),
                value(cells, Field.START_TIME) != null ? value(cells, Field.START_TIME) : value(cells, Field.INVITE_TIME),
                value(cells, Field.CORRELATION_ID), value(cells, Field.METHOD), value(cells, Field.RECORD_ID),
                value(cells, Field.USER), null, header.language(), RecordFormat.TABLE, false, line));
    }

    private String value(List<String> cells, Field field) {
        return Codes.blankToNull(header.cell(cells, field));
    }
}
