package dev.callcodes.watch.calls;

import dev.callcodes.catalog.Originator;

/** A Microsoft code and a SIP code as a call ended with them; either may be missing. */
public record CodePair(String microsoftCode, Integer sipCode) {

    /** {@code 510559/403}, the form the state and the alerts use as a key. */
    public String key() {
        return (microsoftCode == null ? "-" : microsoftCode) + "/" + (sipCode == null ? "-" : sipCode);
    }

    public static CodePair parse(String key) {
        int slash = key.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("not a code pair key: '" + key + "'");
        }
        String ms = key.substring(0, slash);
        String sip = key.substring(slash + 1);
        return new CodePair(ms.equals("-") ? null : ms, sip.equals("-") ? null : Integer.valueOf(sip));
    }

    public Originator originator() {
        return Originator.byRule(microsoftCode);
    }

    public CodeFamily family() {
        return CodeFamily.of(microsoftCode);
    }

    @Override
    public String toString() {
        return key();
    }
}
