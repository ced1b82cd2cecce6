package dev.callcodes.catalog.report;

import java.io.IOException;

/**
 * A file that cannot be read as a report; the message is written for the person who sent it, the kind is for the
 * code that answers (the REST API's status), so that nothing has to match the message's wording.
 */
public final class ReportInputException extends IOException {

    /** Why the file cannot be read. */
    public enum Kind {
        /** Over the size limit, counted after unzipping. */
        TOO_LARGE,
        /** Binary content that is not a zip. */
        NOT_TEXT,
        /** A damaged or truncated zip. */
        DAMAGED,
        /** A zip this reader does not open: a password, an unknown compression method, an archive inside. */
        UNSUPPORTED,
        /** A zip with no file in it that could be a report. */
        NO_REPORT,
        /** The file could not be fetched (a Teams download link). */
        UNREACHABLE
    }

    private final Kind kind;

    public ReportInputException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
