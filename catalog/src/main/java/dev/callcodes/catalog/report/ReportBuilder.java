package dev.callcodes.catalog.report;

import dev.callcodes.catalog.Originator;
import dev.callcodes.catalog.explain.Answer;
import dev.callcodes.catalog.explain.Explainer;
import dev.callcodes.catalog.text.CallRecord;
import dev.callcodes.catalog.text.CodeReference;
import dev.callcodes.catalog.text.RecordFormat;
import dev.callcodes.catalog.text.RecordListener;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Counts a report's records as they stream by. Every map is capped, so hostile input (a million distinct codes or
 * SBC names) costs bounded memory; what falls past a cap is still counted. One per report; not thread-safe.
 */
final class ReportBuilder implements RecordListener {

    static final int MAX_DISTINCT_PAIRS = 2_000;
    static final int MAX_GROUPS = 500;
    static final int MAX_PROBLEMS = 20;
    static final String OTHER_GROUP = "(others)";
    static final String OTHER_PROBLEMS = "other problems";

    private long rows;
    private long failed;
    private long succeeded;
    private long withoutCodes;
    private long unreadable;
    private long otherLines;
    private long pairsNotListed;
    private long morePages;
    private Instant first;
    private Instant last;
    private final Map<PairKey, PairTally> pairs = new HashMap<>();
    private final Map<String, long[]> bySbc = new HashMap<>();
    private final Map<String, long[]> byCallType = new HashMap<>();
    private final Map<String, long[]> problems = new LinkedHashMap<>();

    private record PairKey(String microsoftCode, Integer sipCode) {
    }

    private static final class PairTally {
        long count;
        String phrase;
        String correlationId;
    }

    @Override
    public void record(CallRecord record) {
        rows++;
        CallOutcome outcome = CallOutcome.of(record.microsoftCode(), record.sipCode());
        switch (outcome) {
            case FAILED -> {
                failed++;
                tallyPair(record);
            }
            case SUCCEEDED -> succeeded++;
            case NO_CODE -> withoutCodes++;
        }
        boolean isFailure = outcome == CallOutcome.FAILED;
        if (record.sbcFqdn() != null) {
            group(bySbc, record.sbcFqdn().toLowerCase(Locale.ROOT), isFailure);
        }
        if (record.callType() != null) {
            group(byCallType, record.callType(), isFailure);
        }
        Instant time = Times.parse(record.startTime());
        if (time != null) {
            first = first == null || time.isBefore(first) ? time : first;
            last = last == null || time.isAfter(last) ? time : last;
        }
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
        if (tally.phrase == null) {
            tally.phrase = record.phrase();
        }
        if (tally.correlationId == null) {
            tally.correlationId = record.correlationId();
        }
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

    @Override
    public void unreadable(long line, String reason) {
        unreadable++;
        String key = problems.containsKey(reason) || problems.size() < MAX_PROBLEMS ? reason : OTHER_PROBLEMS;
        long[] tally = problems.computeIfAbsent(key, r -> new long[] {0, line});
        tally[0]++;
    }

    @Override
    public void otherLine(long line) {
        otherLines++;
    }

    @Override
    public void nextPage(String link) {
        morePages++;
    }

    ReportSummary build(RecordFormat format, Explainer explainer) {
        List<ReportSummary.PairCount> pairCounts = new ArrayList<>(pairs.size());
        long sbc = 0;
        long microsoft = 0;
        List<Answer> top = new ArrayList<>();
        List<Map.Entry<PairKey, PairTally>> ranked = pairs.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<PairKey, PairTally> e) -> e.getValue().count).reversed()
                        .thenComparing(e -> Objects.toString(e.getKey().microsoftCode(), ""))
                        .thenComparing(e -> e.getKey().sipCode() == null ? -1 : e.getKey().sipCode()))
                .toList();
        for (Map.Entry<PairKey, PairTally> e : ranked) {
            PairKey key = e.getKey();
            PairTally tally = e.getValue();
            Answer answer = explainer.explainReference(new CodeReference(key.microsoftCode(), key.sipCode(), tally.phrase, 0))
                    .withOccurrences((int) Math.min(Integer.MAX_VALUE, tally.count));
            top.add(answer);
            Originator originator = answer.originator();
            if (originator == Originator.SBC) {
                sbc += tally.count;
            } else if (originator == Originator.MICROSOFT) {
                microsoft += tally.count;
            }
            String phrase = tally.phrase != null ? tally.phrase
                    : answer.entries().isEmpty() ? null : answer.entries().get(0).phrase();
            pairCounts.add(new ReportSummary.PairCount(key.microsoftCode(), key.sipCode(), tally.count,
                    share(tally.count, failed), originator, phrase, tally.correlationId));
        }
        List<ReportSummary.Problem> problemList = new ArrayList<>();
        problems.forEach((reason, tally) -> problemList.add(new ReportSummary.Problem(reason, tally[0], tally[1])));
        return new ReportSummary(format, rows, failed, succeeded, withoutCodes, unreadable, problemList, otherLines,
                pairCounts, pairsNotListed, new ReportSummary.Split(sbc, microsoft, failed - sbc - microsoft),
                groups(bySbc), groups(byCallType), first, last, morePages, top);
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
}
