package dev.callcodes.catalog;

/** How codes are written for people, the same in the command line and on cards. */
public final class CodeLabels {

    private CodeLabels() {
    }

    /** "510559 / SIP 403", "510559", "SIP 403", or "" when there is no code. */
    public static String pair(String microsoftCode, Integer sipCode) {
        if (microsoftCode != null && sipCode != null) {
            return microsoftCode + " / SIP " + sipCode;
        }
        if (microsoftCode != null) {
            return microsoftCode;
        }
        return sipCode != null ? "SIP " + sipCode : "";
    }
}
