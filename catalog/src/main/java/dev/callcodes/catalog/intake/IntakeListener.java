package dev.callcodes.catalog.intake;

/** Receives what the {@link Intake} finds, as it streams, in order of appearance. */
public interface IntakeListener {

    /** A reference in free text: a question, a labelled field, a SIP message, an official phrase. */
    void reference(CodeReference reference);

    /** One call of a report: a table row or a JSON record. */
    void record(CallRecord record);

    /** A row or record that could not be read; {@code reason} names the field and the bad value. */
    void unreadable(long line, String reason);

    /** A line that is not part of any table or JSON: prose around a pasted table, a title, a footer. */
    default void otherLine(long line) {
    }

    /** A Graph page that says more records follow at this link. */
    default void nextPage(String link) {
    }

    /** Something the reader decided that the user should know: a column read by its content, dates read day first. */
    default void note(String note) {
    }
}
