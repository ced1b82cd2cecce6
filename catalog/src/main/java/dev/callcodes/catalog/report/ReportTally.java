package dev.callcodes.catalog.report;

import dev.callcodes.catalog.Originator;
import dev.callcodes.catalog.explain.Answer;
import dev.callcodes.catalog.explain.Explainer;
import dev.callcodes.catalog.intake.CallRecord;
import dev.callcodes.catalog.intake.CodeReference;
import dev.callcodes.catalog.intake.RecordFormat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Counts a report's records as they stream by. Every map is capped, so hostile input (a million distinct codes or
 * SBC names) costs bounded memory; what falls past a cap is still counted. One per report; not thread-safe.
 */
public final class ReportTally {

    static final int MAX_DISTINCT_PAIRS = 2_000;
    static final int MAX_GROUPS = 500;
    static final int MAX_PROBLEMS = 20;
    static final int MAX_NOTES = 20;
    static final String OTHER_GROUP = "(others)";
    static final String OTHER_PROBLEMS = "other problems";

    private RecordFormat format = RecordFormat.NONE;
    private long rows;
    private long listedRecords;
    private long failed;
    private long succeeded;
    private long answeredElsewhere;
    private long notCalls;
    private long withoutCodes;
    private long unreadable;
    private long otherLines;
    private long pairsNotListed;
    private long morePages;
    private final Dates dates = new Dates();
    private final Map<PairKey, PairTally> pairs = new HashMap<>();
    private final Map<String, long[]> bySbc = new HashMap<>();
    private final Map<String, long[]> byCallType = new HashMap<>();
    private final Map<String, long[]> problems = new LinkedHashMap<>();
    private final Set<String> notes = new LinkedHashSet<>();

    private record PairKey(String microsoftCode, Integer sipCode) {
    }

    private static final class PairTally {
        long count;
        String phrase;
        String correlationId;
        Integer q850Cause;
    }

    public void record(CallRecord record) {
        if (format == RecordFormat.NONE) {
            format = record.format();
        }
        rows++;
        // a call record of a list (a Graph page row: it has a start time, a call type or an SBC), not a notification
        boolean callRecord = record.startTime() != null || record.callType() != null || record.sbcFqdn() != null;
        listedRecords += record.listed() && callRecord ? 1 : 0;
        CallOutcome outcome = CallOutcome.of(record);
        switch (outcome) {
            case FAILED -> {
                failed++;
                tallyPair(record);
            }
            case ENDED_NORMALLY -> succeeded++;
            case ANSWERED_ELSEWHERE -> answeredElsewhere++;
            case NOT_A_CALL -> notCalls++;
            case NO_FINAL_CODE -> withoutCodes++;
        }
        if (outcome == CallOutcome.NOT_A_CALL) {
            return;
        }
        boolean isFailure = outcome == CallOutcome.FAILED;
        if (record.sbcFqdn() != null) {
            group(bySbc, record.sbcFqdn().toLowerCase(Locale.ROOT), isFailure);
        }
        if (record.callType() != null) {
            group(byCallType, record.callType(), isFailure);
        }
        dates.add(record.startTime(), record.language());
    }

    private void tallyPair(CallRecord record) {
        PairKey key = new PairKey(record.microsoftCode(), record.sipCode());
        PairTally tally = pairs.get(key);
        if (tally == null) {
            if (pairs.size() >= MAX_DISTINCT_PAIRS) {
                pairsNotListed++;
                return;
            }
            tally = new PairTally();
            pairs.put(key, tally);
        }
        tally.count++;
        tally.phrase = tally.phrase == null ? record.phrase() : tally.phrase;
        tally.correlationId = tally.correlationId == null ? record.correlationId() : tally.correlationId;
        tally.q850Cause = tally.q850Cause == null ? record.q850Cause() : tally.q850Cause;
    }

    private static void group(Map<String, long[]> groups, String name, boolean isFailure) {
        long[] counts = groups.get(name);
        if (counts == null) {
            counts = groups.computeIfAbsent(groups.size() >= MAX_GROUPS ? OTHER_GROUP : name, n -> new long[2]);
        }
        counts[0]++;
        if (isFailure) {
            counts[1]++;
        }
    }

    public void unreadable(long line, String reason) {
        unreadable++;
        String key = problems.containsKey(reason) || problems.size() < MAX_PROBLEMS ? reason : OTHER_PROBLEMS;
        long[] tally = problems.computeIfAbsent(key, r -> new long[] {0, line});
        tally[0]++;
    }

    public void otherLine() {
        otherLines++;
    }

    public void nextPage() {
        morePages++;
    }

    public void note(String note) {
        if (notes.size() < MAX_NOTES) {
            notes.add(note);
        }
    }

    public long records() {
        return rows;
    }

    /**
     * Whether what was read is a report: at least {@code minRecords} records (a table's unreadable rows count: they
     * tried to be records; JSON's unreadable part is where it broke off, not a record), any call record of a JSON
     * list (a Graph page, an array of call log rows), or a Graph page that says more follow. In chat one record is a question
     * about its codes and a report starts at two; a file sent as a report is one from its first record.
     */
    public boolean isReport(int minRecords) {
        long counted = format == RecordFormat.JSON ? rows : rows + unreadable;
        return format != RecordFormat.NONE && (counted >= minRecords || listedRecords > 0 || morePages > 0);
    }

    public ReportSummary build(Explainer explainer) {
        List<ReportSummary.PairCount> pairCounts = new ArrayList<>(pairs.size());
        long sbc = 0;
        long microsoft = 0;
        List<Answer> answers = new ArrayList<>();
        List<Map.Entry<PairKey, PairTally>> ranked = pairs.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<PairKey, PairTally> e) -> e.getValue().count).reversed()
                        .thenComparing(e -> Objects.toString(e.getKey().microsoftCode(), ""))
                        .thenComparing(e -> e.getKey().sipCode() == null ? -1 : e.getKey().sipCode()))
                .toList();
        for (Map.Entry<PairKey, PairTally> e : ranked) {
            PairKey key = e.getKey();
            PairTally tally = e.getValue();
            CodeReference reference = CodeReference.pair(key.microsoftCode(), key.sipCode()).withPhrase(tally.phrase)
                    .withEvidence(tally.q850Cause, null);
            Answer answer = explainer.answer(reference).withOccurrences((int) Math.min(Integer.MAX_VALUE, tally.count));
            answers.add(answer);
            Originator originator = answer.originator();
            if (originator == Originator.SBC) {
                sbc += tally.count;
            } else if (originator == Originator.MICROSOFT) {
                microsoft += tally.count;
            }
            pairCounts.add(new ReportSummary.PairCount(key.microsoftCode(), key.sipCode(), tally.count,
                    share(tally.count, failed), originator, phraseOf(tally, answer), tally.correlationId));
        }
        List<ReportSummary.Problem> problemList = new ArrayList<>();
        problems.forEach((reason, tally) -> problemList.add(new ReportSummary.Problem(reason, tally[0], tally[1])));
        List<String> allNotes = new ArrayList<>(notes);
        Dates.Range range = dates.range();
        range.note().ifPresent(allNotes::add);
        return new ReportSummary(format, rows, failed, succeeded, answeredElsewhere, notCalls, withoutCodes, unreadable,
                problemList, otherLines, pairCounts, pairsNotListed,
                new ReportSummary.Split(sbc, microsoft, failed - sbc - microsoft),
                groups(bySbc), groups(byCallType), range.first(), range.last(), morePages, allNotes, answers);
    }

    /**
     * The phrase the report gave for the pair; else the catalog's for that pair; for a SIP code alone, the SIP
     * code's own reason phrase, never the phrase of some entry that happens to use that SIP code.
     */
    private static String phraseOf(PairTally tally, Answer answer) {
        if (tally.phrase != null) {
            return tally.phrase;
        }
        if (answer.microsoftCode() == null) {
            return answer.sip() == null ? null : answer.sip().reasonPhrase();
        }
        return answer.entries().isEmpty() ? null : answer.entries().get(0).phrase();
    }

    private static List<ReportSummary.GroupCount> groups(Map<String, long[]> groups) {
        return groups.entrySet().stream()
                .map(e -> new ReportSummary.GroupCount(e.getKey(), e.getValue()[0], e.getValue()[1]))
                .sorted(Comparator.comparingLong(ReportSummary.GroupCount::failed).reversed()
                        .thenComparing(Comparator.comparingLong(ReportSummary.GroupCount::calls).reversed())
                        .thenComparing(ReportSummary.GroupCount::name))
                .toList();
    }

    private static double share(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }

    /**
     * The time range, read in the order the dates are written. Every date is read both ways as it streams by; at
     * the end the order is the one the dates themselves prove (a 13 in the first field means day first), else the
     * one the header's language implies (the US admin center writes month first, the others day first), and a
     * note says so when dates could be read either way.
     */
    static final class Dates {
        private Instant firstMonthFirst;
        private Instant lastMonthFirst;
        private Instant firstDayFirst;
        private Instant lastDayFirst;
        private long provenMonthFirst;
        private long provenDayFirst;
        private long ambiguous;
        private String ambiguousExample;
        private final Map<String, Long> languages = new HashMap<>();

        record Range(Instant first, Instant last, java.util.Optional<String> note) {
        }

        void add(String text, String language) {
            Times.Reading reading = Times.read(text);
            if (reading == null) {
                return;
            }
            if (language != null) {
                languages.merge(language, 1L, Long::sum);
            }
            switch (reading.evidence()) {
                case MONTH_FIRST -> provenMonthFirst++;
                case DAY_FIRST -> provenDayFirst++;
                case AMBIGUOUS -> {
                    ambiguous++;
                    ambiguousExample = ambiguousExample == null ? text.strip() : ambiguousExample;
                }
                case NONE -> { }
            }
            Instant m = reading.monthFirst();
            Instant d = reading.dayFirst();
            firstMonthFirst = firstMonthFirst == null || m.isBefore(firstMonthFirst) ? m : firstMonthFirst;
            lastMonthFirst = lastMonthFirst == null || m.isAfter(lastMonthFirst) ? m : lastMonthFirst;
            firstDayFirst = firstDayFirst == null || d.isBefore(firstDayFirst) ? d : firstDayFirst;
            lastDayFirst = lastDayFirst == null || d.isAfter(lastDayFirst) ? d : lastDayFirst;
        }

        Range range() {
            if (firstMonthFirst == null) {
                return new Range(null, null, java.util.Optional.empty());
            }
            String language = languages.entrySet().stream().max(Map.Entry.comparingByValue())
                    .map(Map.Entry::getKey).orElse(null);
            boolean dayFirst;
            String note = null;
            if (provenDayFirst > 0 && provenMonthFirst == 0) {
                dayFirst = true;
                if (ambiguous > 0) {
                    note = "Dates such as " + ambiguousExample + " were read day first: other dates in the report "
                            + "only make sense that way.";
                }
            } else if (provenMonthFirst > 0 && provenDayFirst == 0) {
                dayFirst = false;
                if (ambiguous > 0) {
                    note = "Dates such as " + ambiguousExample + " were read month first: other dates in the report "
                            + "only make sense that way.";
                }
            } else if (provenDayFirst > 0) {
                dayFirst = provenDayFirst >= provenMonthFirst;
                note = "The report's dates are written in both orders (" + provenDayFirst + " only make sense day "
                        + "first, " + provenMonthFirst + " month first); the time range reads them "
                        + (dayFirst ? "day" : "month") + " first and may be off.";
            } else {
                dayFirst = language != null && !language.equals("en");
                if (ambiguous > 0) {
                    note = "Dates such as " + ambiguousExample + " could be read either way; they were read "
                            + (dayFirst ? "day first, as " + languageName(language) + " exports write them"
                            : "month first, as the admin center writes them in English (US)") + ".";
                }
            }
            return dayFirst
                    ? new Range(firstDayFirst, lastDayFirst, java.util.Optional.ofNullable(note))
                    : new Range(firstMonthFirst, lastMonthFirst, java.util.Optional.ofNullable(note));
        }

        private static String languageName(String code) {
            return switch (code) {
                case "de" -> "German";
                case "fr" -> "French";
                case "es" -> "Spanish";
                case "pt" -> "Portuguese";
                case "it" -> "Italian";
                case "nl" -> "Dutch";
                default -> code;
            };
        }
    }
}
