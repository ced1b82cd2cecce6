package dev.callcodes.catalog.explain;

/** How an answer was found, with the words people read for it. */
public enum Match {
    /** The catalog lists this (Microsoft code, SIP code) pair, both written in the input. */
    EXACT("Exact pair in the catalog"),
    /** The catalog lists the Microsoft code, not with this SIP code (or none was given). */
    MICROSOFT_CODE("Microsoft code in the catalog"),
    /** Only a SIP code was given: its general meaning and the catalog entries seen with it. */
    SIP_CODE("SIP code only"),
    /**
     * An official phrase was given alone, or beside a SIP code and named the Microsoft code (which was not
     * written): the pair comes from the phrase.
     */
    PHRASE("Official phrase"),
    /** Not in the catalog, but the 560 rule says what it is (560xyz: the SBC sent SIP xyz). */
    DERIVED("Not in the catalog: derived from Microsoft's 560 rule"),
    /** A family of codes named as such ("560xxx", "starts with 540", "5xx"): what the rule for it says. */
    RULE("A rule for a family of codes"),
    /** Only a Q.850 cause was given (a Reason header without a status code). */
    Q850_CAUSE("Q.850 cause only"),
    /** Not in the catalog, and no rule explains it. */
    UNKNOWN("Not in the catalog");

    private final String label;

    Match(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
