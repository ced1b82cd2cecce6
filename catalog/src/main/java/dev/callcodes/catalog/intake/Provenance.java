package dev.callcodes.catalog.intake;

/** Where a reference's Microsoft code came from. */
public enum Provenance {
    /** Written in the input: a number, a labelled field, a column. */
    GIVEN,
    /** Not written: the official phrase beside the SIP code names exactly one Microsoft code. */
    PHRASE
}
