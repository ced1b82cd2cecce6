package dev.callcodes.catalog.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Tables in text, row by row. A header row names the columns; without one, rows in the admin center's shape are
 * recognised by their content ({@link HeaderlessLayout}). A line of words without the table's delimiter ends the
 * table (the "thanks" under a pasted table); any other row that cannot be read is reported, never skipped silently.
 */
final class DelimitedRecords {

    private final FieldLabels labels;

    DelimitedRecords(FieldLabels labels) {
        this.labels = labels;
    }

    /** Whether any table was found. */
    boolean read(BufferedReader in, RecordListener listener) throws IOException {
        LogicalLines lines = new LogicalLines(in);
        TableHeader header = null;
        boolean headerless = false;
        boolean found = false;
        LogicalLines.Logical line;
        while ((line = lines.next(header != null)) != null) {
            String text = line.text();
            if (text.isBlank()) {
                continue;
            }
            if (header != null && text.indexOf(header.delimiter()) < 0 && text.chars().noneMatch(Character::isLetter)) {
                row(header, List.of(text.strip()), line.line(), listener);
                continue;
            }
            if (header != null && text.indexOf(header.delimiter()) >= 0) {
                List<String> cells = Cells.split(text, header.delimiter());
                Optional<TableHeader> repeated = repeatsHeader(header, cells)
                        ? TableHeader.fromCells(cells, header.delimiter(), labels) : Optional.empty();
                if (repeated.isPresent()) {
                    header = repeated.get();
                    headerless = false;
                    continue;
                }
                if (!headerless || HeaderlessLayout.fits(header, cells)) {
                    row(header, cells, line.line(), listener);
                    continue;
                }
            }
            Optional<TableHeader> newHeader = TableHeader.parse(text, labels);
            if (newHeader.isPresent()) {
                header = newHeader.get();
                headerless = false;
                found = true;
                continue;
            }
            Optional<TableHeader> guessed = HeaderlessLayout.guess(text);
            if (guessed.isPresent()) {
                header = guessed.get();
                headerless = true;
                found = true;
                row(header, Cells.split(text, header.delimiter()), line.line(), listener);
                continue;
            }
            header = null;
            listener.otherLine(line.line());
        }
        return found;
    }

    /**
     * A header pasted again inside its table (two copies from the admin center, one after the other). Only the code
     * column is looked at, so data rows cost one comparison, not a header search.
     */
    private boolean repeatsHeader(TableHeader header, List<String> cells) {
        Field codeField = header.columns().containsKey(Field.SIP_CODE) ? Field.SIP_CODE : Field.MICROSOFT_CODE;
        String cell = header.cell(cells, codeField);
        return cell != null && !cell.isEmpty() && !Character.isDigit(cell.charAt(0))
                && labels.fieldOfHeader(cell).filter(codeField::equals).isPresent();
    }

    private static void row(TableHeader header, List<String> cells, long line, RecordListener listener) {
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
        listener.record(new CallRecord(codes.microsoftCode(), codes.sipCode(), Codes.blankToNull(header.cell(cells, Field.PHRASE)),
                Codes.blankToNull(header.cell(cells, Field.SBC_FQDN)), Codes.blankToNull(header.cell(cells, Field.CALL_TYPE)),
                Codes.blankToNull(header.cell(cells, Field.START_TIME)), Codes.blankToNull(header.cell(cells, Field.CORRELATION_ID)),
                line));
    }
}
