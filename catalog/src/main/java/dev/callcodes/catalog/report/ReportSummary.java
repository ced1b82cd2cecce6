package dev.callcodes.catalog.report;

import dev.callcodes.catalog.Originator;
import dev.callcodes.catalog.explain.Answer;
import dev.callcodes.catalog.intake.RecordFormat;

import java.time.Instant;
import java.util.List;

/**
 * What a report says: how many calls it holds, how they ended and why the failed ones failed, who sent the
 * failures, on which SBCs and call types, over what time, what could not be read, and what the reader decided on
 * the way (notes). Shares are of the failed calls.
 *
 * @param rowsRead          records read: failed + succeeded + answered elsewhere + not calls + without codes
 * @param succeededCalls    calls that ended normally (2xx, or normal clearing)
 * @param answeredElsewhere forked calls another endpoint answered (540200): not failures
 * @param notCalls          SIP traffic that is not a call (an OPTIONS ping), whatever its response
 * @param rowsWithoutCodes  records with no final code (empty cells, or a provisional 1xx)
 * @param unreadableRows    rows or records that could not be read; {@code problems} says why
 * @param otherLines        lines outside any table (prose around a paste), read for codes only
 * @param pairs             the failed calls' code pairs, most frequent first
 * @param pairsNotListed    failed calls whose pair is beyond the distinct pairs kept (counted, not named)
 * @param bySbc             calls and failures per SBC, most failures first; empty when the report names no SBC
 * @param byCallType        calls and failures per call type; empty when the report has no call type
 * @param first             the earliest start time, or null
 * @param last              the latest start time, or null
 * @param morePages         Graph pages in the input that link to a next page not in the input
 * @param notes             what the reader decided that the user should know (dates read day first, a column read
 *                          by its content)
 * @param failureAnswers    every failed pair explained, most frequent first, with its count as occurrences
 */
public record ReportSummary(
        RecordFormat format,
        long rowsRead,
        long failedCalls,
        long succeededCalls,
        long answeredElsewhere,
        long notCalls,
        long rowsWithoutCodes,
        long unreadableRows,
        List<Problem> problems,
        long otherLines,
        List<PairCount> pairs,
        long pairsNotListed,
        Split originators,
        List<GroupCount> bySbc,
        List<GroupCount> byCallType,
        Instant first,
        Instant last,
        long morePages,
        List<String> notes,
        List<Answer> failureAnswers) {

    public ReportSummary {
        problems = List.copyOf(problems);
        pairs = List.copyOf(pairs);
        bySbc = List.copyOf(bySbc);
        byCallType = List.copyOf(byCallType);
        notes = List.copyOf(notes);
        failureAnswers = List.copyOf(failureAnswers);
    }

    /** A reason rows could not be read, how many had it, and the first line with it. */
    public record Problem(String reason, long rows, long firstLine) {
    }

    /** One failed pair: how often, its share of failures, who sent it, its phrase and a call to look up. */
    public record PairCount(String microsoftCode, Integer sipCode, long count, double share, Originator originator,
                            String phrase, String exampleCorrelationId) {
    }

    /** Failed calls by who generated the final response. */
    public record Split(long sbc, long microsoft, long unknown) {
    }

    /** Calls and failures of one SBC or call type. */
    public record GroupCount(String name, long calls, long failed) {
    }
}
