package dev.callcodes.team;

import com.fasterxml.jackson.annotation.JsonIgnore;


/**
 * A Microsoft response code and a SIP code, either of which may be absent: what a note, a count or a vote is about
 * when no catalog entry is (codes the catalog does not list).
 */
public record CodePair(String microsoftCode, Integer sipCode) {

    private static final String NONE = "x";

    public CodePair {
        if (microsoftCode != null && !digits(microsoftCode)) {
            throw new IllegalArgumentException("a Microsoft code is 1 to 10 digits, not '" + microsoftCode + "'");
        }
        if (sipCode != null && (sipCode < 0 || sipCode > 999)) {
            throw new IllegalArgumentException("a SIP code is 0 to 999, not " + sipCode);
        }
        if (microsoftCode == null && sipCode == null) {
            throw new IllegalArgumentException("a code pair has a Microsoft code, a SIP code, or both");
        }
    }

    /** 1 to 10 ASCII digits; a regex here was a Matcher for every pair of every answer counted. */
    private static boolean digits(String code) {
        if (code.isEmpty() || code.length() > 10) {
            return false;
        }
        for (int i = 0; i < code.length(); i++) {
            if (code.charAt(i) < '0' || code.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** The key segment: {@code 510559-403}, {@code 510559-x}, {@code x-403}. */
    @JsonIgnore
    public String key() {
        return (microsoftCode == null ? NONE : microsoftCode) + "-" + (sipCode == null ? NONE : sipCode.toString());
    }

    /** Reads {@link #key()} back. */
    public static CodePair fromKey(String key) {
        int dash = key.indexOf('-');
        if (dash < 0) {
            throw new IllegalArgumentException("'" + key + "' is not a code pair key such as 510559-403");
        }
        String ms = key.substring(0, dash);
        String sip = key.substring(dash + 1);
        try {
            return new CodePair(NONE.equals(ms) ? null : ms, NONE.equals(sip) ? null : Integer.valueOf(sip));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + key + "' is not a code pair key such as 510559-403");
        }
    }

    @Override
    public String toString() {
        return (microsoftCode == null ? "?" : microsoftCode) + " / SIP " + (sipCode == null ? "?" : sipCode);
    }
}
