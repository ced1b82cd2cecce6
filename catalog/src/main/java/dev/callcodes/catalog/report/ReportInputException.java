package dev.callcodes.catalog.report;

import java.io.IOException;

/** A file that cannot be read as a report; the message is written for the person who sent it. */
public final class ReportInputException extends IOException {

    public ReportInputException(String message) {
        super(message);
    }
}
