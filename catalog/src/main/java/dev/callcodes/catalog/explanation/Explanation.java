package dev.callcodes.catalog.explanation;

import dev.callcodes.catalog.explain.Answer;
import dev.callcodes.catalog.report.ReportSummary;

import java.util.List;
import java.util.Optional;

/**
 * Everything said about one input: the kind of reply it makes, one answer per distinct reference, the report's
 * summary when the input is a report, and what the reader decided that the user should know.
 *
 * @param answers for a report, its failed pairs (most frequent first) and then what the text around it asked;
 *                otherwise every reference in order of first appearance, each with how often it appeared
 * @param notes   reading notes: dates read day first, a column read by its content, where reading stopped
 */
public record Explanation(ReplyKind kind, List<Answer> answers, Optional<ReportSummary> report, List<String> notes) {

    public Explanation {
        answers = List.copyOf(answers);
        notes = List.copyOf(notes);
    }

    static Explanation of(List<Answer> answers, Optional<ReportSummary> report, List<String> notes) {
        return new Explanation(ReplyKind.of(answers, report.isPresent()), answers, report, notes);
    }
}
