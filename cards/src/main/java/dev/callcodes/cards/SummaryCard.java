package dev.callcodes.cards;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.callcodes.catalog.CodeLabels;
import dev.callcodes.catalog.Originator;
import dev.callcodes.catalog.Wording;
import dev.callcodes.catalog.explain.Answer;
import dev.callcodes.catalog.report.ReportSummary;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The summary template's data, for many answers ({@link #ofAnswers}) or a report ({@link #ofReport}): one shape, so
 * both fill every field and share their rows, split, fallback and spoken lines.
 */
record SummaryCard(String title, String subtitle, @JsonUnwrapped Sections sections, boolean hasFailures,
                   String rowsTitle, @JsonUnwrapped Split split, List<Row> rows, boolean hasMoreRows,
                   String moreRowsText, String fallbackText, String speak) implements CardData {

    static final int MAX_SUMMARY_ROWS = 15;
    /** SBCs, call types and problems shown; the JSON and the CSV carry them all. */
    static final int MAX_REPORT_GROUPS = 5;
    static final String NOT_IN_CATALOG = "Not in the catalog";

    static SummaryCard ofAnswers(List<Answer> answers) {
        int total = answers.stream().mapToInt(Answer::occurrences).sum();
        Map<Originator, Integer> by = answers.stream().collect(Collectors.groupingBy(
                Answer::originator, Collectors.summingInt(Answer::occurrences)));
        List<Answer> ranked = answers.stream().sorted(Comparator.comparingInt(Answer::occurrences).reversed()).toList();
        List<Row> rows = ranked.stream().limit(MAX_SUMMARY_ROWS).map(a -> new Row(a.occurrences() + "\u00D7",
                CardData.label(a, "Phrase"), Wording.originatorShort(a.originator()),
                CardData.phraseOf(a).isEmpty() ? NOT_IN_CATALOG : CardData.phraseOf(a),
                CardData.query(a.microsoftCode(), a.sipCode(), a.phrase()))).toList();
        return of(total + (total == 1 ? " code" : " codes") + " in what you sent", answers.size() + " distinct "
                        + (answers.size() == 1 ? "pair" : "pairs") + "; the share of each sender counts every occurrence.",
                Sections.NONE, true, "Codes, most frequent first",
                Split.of(by.getOrDefault(Originator.SBC, 0), by.getOrDefault(Originator.MICROSOFT, 0),
                        by.getOrDefault(Originator.UNKNOWN, 0), total),
                rows, ranked.size() - rows.size(), 0,
                ranked.stream().map(a -> counted(a.occurrences(), a.microsoftCode(), a.sipCode())));
    }

    /** A report's summary: the counts as facts, what could not be read, the split, the pairs, SBCs and call types. */
    static SummaryCard ofReport(ReportSummary s, String source) {
        long failed = s.failedCalls();
        List<Row> rows = s.pairs().stream().limit(MAX_SUMMARY_ROWS).map(p -> new Row(
                Wording.number(p.count()) + "\u00D7 " + Wording.percent(p.count(), failed),
                CodeLabels.pair(p.microsoftCode(), p.sipCode()), Wording.originatorShort(p.originator()),
                p.phrase() == null ? NOT_IN_CATALOG : p.phrase(),
                CardData.query(p.microsoftCode(), p.sipCode(), p.phrase()))).toList();
        return of(Wording.number(failed) + " failed " + (failed == 1 ? "call" : "calls") + " of "
                        + Wording.number(s.rowsRead()),
                source + (s.first() == null ? "" : ", " + Labels.period(s.first(), s.last())), Sections.of(s),
                failed > 0, "Failed calls by code, most frequent first",
                Split.of(s.originators().sbc(), s.originators().microsoft(), s.originators().unknown(), failed),
                rows, s.pairs().size() - rows.size(), s.pairsNotListed(),
                s.pairs().stream().map(p -> counted(p.count(), p.microsoftCode(), p.sipCode())));
    }

    private static SummaryCard of(String title, String subtitle, Sections sections, boolean hasFailures,
                                  String rowsTitle, Split split, List<Row> rows, long more, long notListed,
                                  Stream<String> counted) {
        String moreRows = more == 0 && notListed == 0 ? ""
                : more > 0 ? "and " + more + " less frequent " + (more == 1 ? "pair" : "pairs")
                        + (notListed > 0 ? ", and " + Wording.number(notListed) + " calls with rarer pairs." : ".")
                : Wording.number(notListed) + " failed calls have rarer pairs not listed.";
        return new SummaryCard(title, subtitle, sections, hasFailures, rowsTitle, split, rows, !moreRows.isEmpty(),
                moreRows, title + ". " + counted.limit(5).collect(Collectors.joining(", ")), CardData.spoken(title));
    }

    /** "3x 510559 / SIP 403", for the fallback text. */
    private static String counted(long count, String microsoftCode, Integer sipCode) {
        return count + "x " + CodeLabels.pair(microsoftCode, sipCode);
    }

    /** The parts only a report has: its counts, unreadable rows, SBCs, call types and notes. */
    record Sections(boolean hasFacts, List<Fact> facts, boolean hasProblems, String problemsTitle, List<Line> problems,
                    boolean hasFqdns, List<Group> fqdns, boolean hasCallTypes, List<Group> callTypes,
                    List<Line> notes) {

        static final Sections NONE = new Sections(false, List.of(), false, "", List.of(), false, List.of(), false,
                List.of(), List.of());

        static Sections of(ReportSummary s) {
            List<Fact> facts = new ArrayList<>();
            facts.add(new Fact("Calls read", Wording.number(s.rowsRead())));
            facts.add(new Fact("Failed", Wording.number(s.failedCalls()) + " ("
                    + Wording.percent(s.failedCalls(), s.rowsRead()) + ")"));
            facts.add(new Fact("Ended normally", Wording.number(s.succeededCalls())));
            Fact.addIfAny(facts, "Answered elsewhere (540200)", s.answeredElsewhere());
            Fact.addIfAny(facts, "Not calls (OPTIONS and the like)", s.notCalls());
            Fact.addIfAny(facts, "Without codes", s.rowsWithoutCodes());
            Fact.addIfAny(facts, "Could not read", s.unreadableRows());
            long unreadable = s.unreadableRows();
            List<Line> problems = unreadable == 0 ? List.of() : s.problems().stream().limit(MAX_REPORT_GROUPS)
                    .map(p -> new Line("Line " + p.firstLine() + ": " + p.reason() + " ("
                            + Wording.count(p.rows(), "row", "rows") + ")")).toList();
            List<Line> notes = new ArrayList<>();
            s.notes().forEach(note -> notes.add(new Line(note)));
            if (s.morePages() > 0) {
                notes.add(new Line("Graph says more records follow this page (@odata.nextLink): fetch the next "
                        + "pages to cover the whole period."));
            }
            if (s.otherLines() > 0) {
                notes.add(new Line(Wording.count(s.otherLines(), "line", "lines") + " outside the table "
                        + (s.otherLines() == 1 ? "was" : "were") + " read for codes only."));
            }
            List<Group> fqdns = Group.of(s.bySbc());
            List<Group> callTypes = Group.of(s.byCallType());
            return new Sections(true, facts, unreadable > 0, unreadable == 0 ? ""
                    : Wording.count(unreadable, "row", "rows") + " could not be read and "
                    + (unreadable == 1 ? "is" : "are") + " not counted above",
                    problems, !fqdns.isEmpty(), fqdns, !callTypes.isEmpty(), callTypes, notes);
        }
    }

    record Fact(String title, String value) {
        static void addIfAny(List<Fact> facts, String title, long n) {
            if (n > 0) {
                facts.add(new Fact(title, Wording.number(n)));
            }
        }
    }

    record Line(String text) {
    }

    /** An SBC or a call type: its failed calls of all its calls. */
    record Group(String name, String countText) {
        static List<Group> of(List<ReportSummary.GroupCount> groups) {
            return groups.stream().limit(MAX_REPORT_GROUPS).map(g -> new Group(g.name(), Wording.number(g.failed())
                    + " of " + Wording.number(g.calls()) + " calls failed (" + Wording.percent(g.failed(), g.calls())
                    + ")")).toList();
        }
    }

    /** Who sent the final response: each sender's share and count of the total. */
    record Split(String sbcShare, String sbcCount, String microsoftShare, String microsoftCount, String unknownShare,
                 String unknownCount) {
        static Split of(long sbc, long microsoft, long unknown, long total) {
            String of = " of " + Wording.number(total);
            return new Split(Wording.percent(sbc, total), Wording.number(sbc) + of, Wording.percent(microsoft, total),
                    Wording.number(microsoft) + of, Wording.percent(unknown, total), Wording.number(unknown) + of);
        }
    }

    /** A pair to open below the summary. */
    record Row(String countText, String pair, String originatorLabel, String phrase, String query) {
    }
}
