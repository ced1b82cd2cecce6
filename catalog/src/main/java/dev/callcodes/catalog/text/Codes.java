package dev.callcodes.catalog.text;

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
