package dev.callcodes.catalog;

/**
 * Who generated the final SIP response of a call.
 *
 * <p>Microsoft's Teams pages give one rule: a Microsoft response code that starts with 560 means the customer's
 * SBC sent the final response (its last three digits are that SIP code); every other code comes from a Microsoft
 * service. Entries may override the rule where a source says otherwise (the ACS PSTN page treats 540xxx as SBC too).
 */
public enum Originator {
    SBC,
    MICROSOFT,
    UNKNOWN;

    static final String SBC_PREFIX = "560";

    /** The originator by the 560 rule alone; UNKNOWN when there is no Microsoft code. */
    public static Originator byRule(String microsoftCode) {
        if (microsoftCode == null || microsoftCode.isEmpty()) {
            return UNKNOWN;
        }
        return microsoftCode.startsWith(SBC_PREFIX) ? SBC : MICROSOFT;
    }

    /**
     * The SIP code the 560 rule implies (560403 means SIP 403), or null when the code does not follow the pattern.
     * 560000 is normal clearing by the SBC, so it implies no SIP failure code; nor do digits outside 100 to 699.
     */
    public static Integer impliedSipCode(String microsoftCode) {
        if (microsoftCode == null || microsoftCode.length() != 6 || !microsoftCode.startsWith(SBC_PREFIX)) {
            return null;
        }
        int lastThree = Integer.parseInt(microsoftCode.substring(3));
        return lastThree >= 100 && lastThree <= 699 ? lastThree : null;
    }
}
