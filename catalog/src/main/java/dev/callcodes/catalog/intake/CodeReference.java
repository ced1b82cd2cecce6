package dev.callcodes.catalog.intake;

import java.util.Objects;

/**
 * A code reference found in what the user sent: a Microsoft code, a SIP code, both, an official phrase alone, a Q.850
 * cause alone, or a rule about a family of codes ("560xxx", "starts with 540", "5xx").
 *
 * @param microsoftCode digits as written (or named by the phrase, see {@code provenance}), or null
 * @param sipCode       the SIP (or ACS status) code, or null
 * @param phrase        an error phrase found with the codes (a "Final SIP phrase" column, a Reason header), or null
 * @param line          the line (1-based) where the reference starts, for messages about it
 * @param provenance    whether the Microsoft code was written or taken from the phrase
 * @param q850Cause     the Q.850 cause read with it (a Reason header, ACS Q850Details), or null
 * @param sender        what the trace says about who sent the response, or null
 * @param rule          the prefix or class the text names as such ("560", "5xx"), or null for a code reference
 */
public record CodeReference(String microsoftCode, Integer sipCode, String phrase, long line, Provenance provenance,
                            Integer q850Cause, SenderEvidence sender, String rule) {

    public CodeReference {
        Objects.requireNonNull(provenance, "provenance");
    }

    public static CodeReference pair(String microsoftCode, Integer sipCode) {
        return new CodeReference(microsoftCode, sipCode, null, 0, Provenance.GIVEN, null, null, null);
    }

    public static CodeReference phraseOnly(String phrase, long line) {
        return new CodeReference(null, null, phrase, line, Provenance.GIVEN, null, null, null);
    }

    public static CodeReference q850Only(int cause, long line) {
        return new CodeReference(null, null, null, line, Provenance.GIVEN, cause, null, null);
    }

    public static CodeReference rule(String rule, long line) {
        return new CodeReference(null, null, null, line, Provenance.GIVEN, null, null, Objects.requireNonNull(rule));
    }

    public CodeReference withPhrase(String newPhrase) {
        return new CodeReference(microsoftCode, sipCode, newPhrase, line, provenance, q850Cause, sender, rule);
    }

    public CodeReference withMicrosoftCodeFromPhrase(String code) {
        return new CodeReference(code, sipCode, phrase, line, Provenance.PHRASE, q850Cause, sender, rule);
    }

    public CodeReference withMicrosoftCode(String code) {
        return new CodeReference(code, sipCode, phrase, line, Provenance.GIVEN, q850Cause, sender, rule);
    }

    public CodeReference withEvidence(Integer cause, SenderEvidence evidence) {
        return new CodeReference(microsoftCode, sipCode, phrase, line, provenance,
                cause != null ? cause : q850Cause, evidence != null ? evidence : sender, rule);
    }

    public boolean hasCode() {
        return microsoftCode != null || sipCode != null;
    }

    public boolean isRule() {
        return rule != null;
    }

    /**
     * What makes two references the same for counting: their codes, or their phrase, cause or rule when they have
     * no code. Evidence (a sender, a cause beside codes) does not make a reference another one.
     */
    public String key() {
        if (rule != null) {
            return "rule|" + rule;
        }
        if (hasCode()) {
            return (microsoftCode == null ? "-" : microsoftCode) + "|" + (sipCode == null ? "-" : sipCode);
        }
        if (phrase != null) {
            return "phrase|" + dev.callcodes.catalog.Phrases.normalize(phrase);
        }
        return "q850|" + q850Cause;
    }
}
