package dev.callcodes.catalog.explain;

/** How an answer was found. */
public enum Match {
    /** The catalog lists this (Microsoft code, SIP code) pair. */
    EXACT,
    /** The catalog lists the Microsoft code, not with this SIP code (or none was given). */
    MICROSOFT_CODE,
    /** Only a SIP code was given: its general meaning and the catalog entries seen with it. */
    SIP_CODE,
    /** Only an official phrase was given. */
    PHRASE,
    /** Not in the catalog, but the 560 rule says what it is (560xyz: the SBC sent SIP xyz). */
    DERIVED,
    /** Not in the catalog, and no rule explains it. */
    UNKNOWN
}
