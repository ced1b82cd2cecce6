package dev.callcodes.catalog.explanation;

import java.util.List;

/** What kind of reply an explanation makes, decided once, in {@link #of}: every surface answers the same way. */
public enum ReplyKind {
    /** Nothing to explain: what the bot understands, with examples. */
    HELP,
    /** One reference: its answer. */
    ANSWER,
    /** Two to {@link #MAX_CAROUSEL} references: one answer each. */
    CAROUSEL,
    /** More references than a carousel holds: one summary whose rows open each. */
    SUMMARY,
    /** A report (two or more records, or a Graph page with more to come): the report's summary. */
    REPORT;

    /** Teams shows at most 10 cards in a carousel. */
    public static final int MAX_CAROUSEL = 10;

    static ReplyKind of(List<?> answers, boolean report) {
        if (report) {
            return REPORT;
        }
        if (answers.isEmpty()) {
            return HELP;
        }
        if (answers.size() == 1) {
            return ANSWER;
        }
        return answers.size() <= MAX_CAROUSEL ? CAROUSEL : SUMMARY;
    }
}
