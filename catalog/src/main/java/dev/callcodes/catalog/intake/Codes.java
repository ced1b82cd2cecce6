package dev.callcodes.catalog.intake;

/** Reading one code value from a labelled field or a table cell. */
final class Codes {

    static final int MAX_SIP_CODE = 699;

    private Codes() {
    }

    /** A SIP code from a field value: 0 to 699, digits only (quotes and spaces around are fine); else null. */
    static Integer sipCode(String value) {
        String digits = digitsOnly(value);
        if (digits == null || digits.length() > 3) {
            return null;
        }
        int code = Integer.parseInt(digits);
        return code <= MAX_SIP_CODE ? code : null;
    }

    /** A Microsoft code from a field value: 1 to 9 digits, kept as written; else null. */
    static String microsoftCode(String value) {
        String digits = digitsOnly(value);
        return digits == null || digits.length() > 9 ? null : digits;
    }

    /**
     * The two codes of a record, read from their cells; {@code problem} names the bad value, if any; {@code second}
     * is a second Microsoft code written in the same cell ("540000/560000", as Graph's table does), not counted.
     */
    record Checked(Integer sipCode, String microsoftCode, String problem, String second) {
        Checked(Integer sipCode, String microsoftCode, String problem) {
            this(sipCode, microsoftCode, problem, null);
        }
    }

    /** Reads both code cells of a record; blank cells are absent codes, anything else must be a valid code. */
    static Checked check(String sipText, String microsoftText) {
        String sipCell = blankToNull(sipText);
        String microsoftCell = blankToNull(microsoftText);
        Integer sip = sipCode(sipCell);
        String microsoft = microsoftCode(microsoftCell);
        if (sipCell != null && sip == null) {
            return new Checked(null, null, "the SIP code '" + abbreviate(sipCell) + "' is not a number from 0 to 699");
        }
        if (microsoftCell != null && microsoft == null) {
            int slash = microsoftCell.indexOf('/');
            String first = slash > 0 ? microsoftCode(microsoftCell.substring(0, slash)) : null;
            String second = slash > 0 ? microsoftCode(microsoftCell.substring(slash + 1)) : null;
            if (first != null && second != null && (sipCell == null || sip != null)) {
                return new Checked(sip, first, null, second);
            }
            return new Checked(null, null, "the Microsoft code '" + abbreviate(microsoftCell)
                    + "' is not a number of up to 9 digits");
        }
        return new Checked(sip, microsoft, null);
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Bad values are quoted back to the user, but a runaway cell must not flood the message. */
    static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 39) + "\u2026";
    }

    private static String digitsOnly(String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() >= 2 && (stripped.startsWith("\"") && stripped.endsWith("\"")
                || stripped.startsWith("'") && stripped.endsWith("'"))) {
            stripped = stripped.substring(1, stripped.length() - 1).strip();
        }
        if (stripped.isEmpty()) {
            return null;
        }
        for (int i = 0; i < stripped.length(); i++) {
            if (stripped.charAt(i) < '0' || stripped.charAt(i) > '9') {
                return null;
            }
        }
        return stripped;
    }
}
