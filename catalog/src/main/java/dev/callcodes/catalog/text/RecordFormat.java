package dev.callcodes.catalog.text;

/** What {@link RecordReader} found in its input. */
public enum RecordFormat {
    /** Rows under a header, or rows in the admin center's column order. */
    TABLE,
    /** Graph or ACS records: a JSON array, an object with a "value" array, or JSON Lines. */
    JSON,
    /** Neither: chat text, a SIP trace, prose. */
    NONE
}
