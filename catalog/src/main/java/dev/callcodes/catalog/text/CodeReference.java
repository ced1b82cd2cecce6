package dev.callcodes.catalog.text;

/**
 * A code reference found in pasted text: a Microsoft code, a SIP code, both, or only an official phrase.
 *
 * @param microsoftCode digits as written, or null
 * @param sipCode       the SIP (or ACS status) code, or null
 * @param phrase        an error phrase found with the codes (a "Final SIP phrase" column, a Reason header), or null
 * @param offset        where in the (cleaned) text the reference starts, for ordering
 */
public record CodeReference(String microsoftCode, Integer sipCode, String phrase, int offset) {

    public static CodeReference pair(String microsoftCode, Integer sipCode, int offset) {
        return new CodeReference(microsoftCode, sipCode, null, offset);
    }

    public static CodeReference phraseOnly(String phrase, int offset) {
        return new CodeReference(null, null, phrase, offset);
    }

    public CodeReference withPhrase(String newPhrase) {
        return new CodeReference(microsoftCode, sipCode, newPhrase, offset);
    }

    public boolean hasCode() {
        return microsoftCode != null || sipCode != null;
    }
}
