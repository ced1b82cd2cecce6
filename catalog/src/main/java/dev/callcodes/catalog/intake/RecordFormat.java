package dev.callcodes.catalog.intake;

/** Where a record came from, and what a report was read from. */
public enum RecordFormat {
    /** Rows under a header, or rows in the admin center's column order. */
    TABLE,
    /** Graph or ACS records: a JSON array, an object with a "value" array, or JSON Lines. */
    JSON,
    /** Neither: chat text, a SIP trace, prose. */
    NONE
}
