package dev.callcodes.catalog.intake;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Rows copied without their header: the admin center's Direct Routing grid selected below its title row, or a
 * CSV export with the first line cut off. The columns are recognised by what the cells hold: a SIP code beside a
 * six-digit Microsoft code starting with 5 (in either order), the final phrase after them, an SBC host name, a call
 * type, a date and time. Short rows (under four cells) are sentences with commas, not tables.
 */
final class HeaderlessLayout {

    /** Rows with commas or semicolons need four cells (fewer are sentences); tab and pipe rows are rows at three. */
    private static final int MIN_CELLS = 4;
    private static final int MIN_TAB_OR_PIPE_CELLS = 3;
    private static final char[] DELIMITERS = {'\t', ',', ';', '|'};
    private static final Pattern MICROSOFT_CODE = Pattern.compile("5\\d{5}");
    private static final Pattern PIPE_MICROSOFT_CODE = Pattern.compile("[1-9]\\d{3,5}(/[1-9]\\d{3,5})?");
    private static final Pattern ANY_MICROSOFT_CODE = Pattern.compile("\\d{1,9}");
    private static final Pattern SIP_CODE = Pattern.compile("\\d{1,3}");
    private static final Pattern CALL_TYPE = Pattern.compile("(?i)(dr|byot|pstn|emergency|ucap)[_a-z]*");
    private static final Pattern DATE_TIME = Pattern.compile("\\d{1,4}[-/.]\\d{1,2}[-/.]\\d{1,4}[ T,]{1,3}\\d{1,2}:\\d{2}.*");
    /** Longer cells are prose or garbage, never a code, a host, a type or a time: skipped before any pattern runs. */
    private static final int MAX_CELL = 255;
    private static final Pattern GUID = Pattern.compile("(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private HeaderlessLayout() {
    }

    static Optional<TableHeader> guess(String line) {
        for (char delimiter : DELIMITERS) {
            if (line.indexOf(delimiter) < 0) {
                continue;
            }
            List<String> cells = Cells.split(line, delimiter);
            int minimum = delimiter == '|' ? 2 : delimiter == '\t' ? MIN_TAB_OR_PIPE_CELLS : MIN_CELLS;
            if (cells.size() < minimum) {
                continue;
            }
            Optional<TableHeader> layout = layoutOf(cells, delimiter);
            if (layout.isPresent()) {
                return layout;
            }
        }
        return Optional.empty();
    }

    /** Whether a row has the shape the layout was guessed from; rows that do not end the headerless table. */
    static boolean fits(TableHeader layout, List<String> cells) {
        if (cells.size() != layout.width()) {
            return false;
        }
        String sip = layout.cell(cells, Field.SIP_CODE);
        String microsoft = layout.cell(cells, Field.MICROSOFT_CODE);
        return (sip == null || sip.isEmpty() || SIP_CODE.matcher(sip).matches())
                && (microsoft == null || microsoft.isEmpty() || ANY_MICROSOFT_CODE.matcher(microsoft).matches()
                || layout.delimiter() == '|' && PIPE_MICROSOFT_CODE.matcher(microsoft).matches());
    }

    private static Optional<TableHeader> layoutOf(List<String> cells, char delimiter) {
        for (int i = 0; i + 1 < cells.size(); i++) {
            Integer sipColumn = null;
            if (cells.get(i).length() > 9 || cells.get(i + 1).length() > 9) {
                continue;
            }
            // A Markdown row is a table row for sure: any 4-6 digit code beside a SIP code; elsewhere the Teams shape
            Pattern microsoft = delimiter == '|' ? PIPE_MICROSOFT_CODE : MICROSOFT_CODE;
            if (isSipCode(cells.get(i)) && microsoft.matcher(cells.get(i + 1)).matches()) {
                sipColumn = i;
            } else if (microsoft.matcher(cells.get(i)).matches() && isSipCode(cells.get(i + 1))) {
                sipColumn = i + 1;
            }
            if (sipColumn == null) {
                continue;
            }
            Map<Field, Integer> columns = new EnumMap<>(Field.class);
            columns.put(Field.SIP_CODE, sipColumn);
            columns.put(Field.MICROSOFT_CODE, sipColumn == i ? i + 1 : i);
            int afterCodes = i + 2;
            if (afterCodes < cells.size() && isPhrase(cells.get(afterCodes))) {
                columns.put(Field.PHRASE, afterCodes);
            }
            for (int c = 0; c < cells.size(); c++) {
                if (c == i || c == i + 1 || c == afterCodes && columns.containsKey(Field.PHRASE)) {
                    continue;
                }
                String cell = cells.get(c);
                if (cell.length() > MAX_CELL) {
                    continue;
                }
                if (GUID.matcher(cell).matches()) {
                    columns.putIfAbsent(Field.CORRELATION_ID, c);
                } else if (CALL_TYPE.matcher(cell).matches()) {
                    columns.putIfAbsent(Field.CALL_TYPE, c);
                } else if (DATE_TIME.matcher(cell).matches()) {
                    columns.putIfAbsent(Field.START_TIME, c);
                } else if (isHost(cell)) {
                    columns.putIfAbsent(Field.SBC_FQDN, c);
                }
            }
            return Optional.of(TableHeader.guessed(delimiter, cells.size(), columns));
        }
        return delimiter == '|' || delimiter == '\t' && cells.size() >= MIN_TAB_OR_PIPE_CELLS
                ? codeOnlyRow(cells, delimiter) : Optional.empty();
    }

    /**
     * A row of a table of one kind of code: subcodes without SIP codes ("| 8604 | Media Streaming Canceled |"), or
     * SIP codes with their meaning (an HTML table's "484 | Dirección Incompleta | ..."): the code in the first cell,
     * words beside it. Markdown rows, and tab-separated rows of three cells or more.
     */
    private static Optional<TableHeader> codeOnlyRow(List<String> cells, char delimiter) {
        if (cells.size() < 2 || !isPhrase(cells.get(1))) {
            return Optional.empty();
        }
        Field code;
        if (delimiter == '|' && PIPE_MICROSOFT_CODE.matcher(cells.get(0)).matches()) {
            code = Field.MICROSOFT_CODE;
        } else if (cells.get(0).length() == 3 && isSipCode(cells.get(0)) && cells.get(0).charAt(0) >= '1') {
            // "| 500 | Internal server error |": ACS's status-code tables
            code = Field.SIP_CODE;
        } else {
            return Optional.empty();
        }
        Map<Field, Integer> columns = new EnumMap<>(Field.class);
        columns.put(code, 0);
        columns.put(Field.PHRASE, 1);
        return Optional.of(TableHeader.guessed(delimiter, cells.size(), columns));
    }

    /** "sbc1.contoso.com": letters, digits and dashes in two or more dot-separated labels, with a letter somewhere. */
    private static boolean isHost(String cell) {
        boolean letter = false;
        int dots = 0;
        char previous = '.';
        for (int i = 0; i < cell.length(); i++) {
            char c = Character.toLowerCase(cell.charAt(i));
            if (c == '.') {
                if (previous == '.') {
                    return false;
                }
                dots++;
            } else if (c >= 'a' && c <= 'z') {
                letter = true;
            } else if (!(c >= '0' && c <= '9' || c == '-')) {
                return false;
            }
            previous = c;
        }
        return letter && dots > 0 && previous != '.';
    }

    private static boolean isSipCode(String cell) {
        return SIP_CODE.matcher(cell).matches() && Integer.parseInt(cell) <= Codes.MAX_SIP_CODE;
    }

    private static boolean isPhrase(String cell) {
        return !cell.isEmpty() && cell.chars().anyMatch(Character::isLetter) && !GUID.matcher(cell).matches();
    }
}
