package dev.callcodes.catalog.text;

/** Receives what {@link RecordReader} finds, as it streams. */
public interface RecordListener {

    void record(CallRecord record);

    /** A row or record that could not be read; {@code reason} names the field and the bad value. */
    void unreadable(long line, String reason);

    /** A line that is not part of any table: prose around a pasted table, a title, a footer. */
    default void otherLine(long line) {
    }

    /** A Graph page that says more records follow at this link. */
    default void nextPage(String link) {
    }
}
