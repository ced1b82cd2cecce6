package dev.callcodes.catalog.explanation;

import dev.callcodes.catalog.Catalog;
import dev.callcodes.catalog.CatalogEntry;
import dev.callcodes.catalog.explain.Answer;
import dev.callcodes.catalog.explain.Explainer;
import dev.callcodes.catalog.intake.CallRecord;
import dev.callcodes.catalog.intake.CodeReference;
import dev.callcodes.catalog.intake.IntakeListener;
import dev.callcodes.catalog.intake.PhraseIndex;
import dev.callcodes.catalog.intake.Provenance;
import dev.callcodes.catalog.report.ReportSummary;
import dev.callcodes.catalog.report.ReportTally;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Collects what the intake reports into one {@link Explanation}: references counted by what they refer to, in
 * order of first appearance, and records tallied into a report. Memory is bounded: distinct references past
 * {@link #MAX_DISTINCT_REFERENCES} are counted, not kept. One per input; not thread-safe.
 */
final class ExplanationBuilder implements IntakeListener {

    static final int MAX_DISTINCT_REFERENCES = 2_000;

    private final Explainer explainer;
    private final Catalog catalog;
    private final PhraseIndex phrases;
    private final ReportTally tally = new ReportTally();
    private final Map<String, Item> seen = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private long referencesNotListed;

    /** One distinct reference and how often it appeared; {@code answer} when the report already explained it. */
    private static final class Item {
        CodeReference ref;
        int count;
        Answer answer;

        Item(CodeReference ref, int count, Answer answer) {
            this.ref = ref;
            this.count = count;
            this.answer = answer;
        }
    }

    /** Text sent in chat or to /api/explain: one record is a question about its codes, two are a report. */
    static final int TEXT_REPORT_RECORDS = 2;
    /** A file sent as a report (an upload, /api/report): a report from its first record. */
    static final int FILE_REPORT_RECORDS = 1;

    private final int minReportRecords;

    ExplanationBuilder(Explainer explainer, PhraseIndex phrases, int minReportRecords) {
        this.minReportRecords = minReportRecords;
        this.explainer = explainer;
        this.catalog = explainer.catalog();
        this.phrases = phrases;
    }

    @Override
    public void reference(CodeReference reference) {
        String key = reference.key();
        Item item = seen.get(key);
        if (item == null) {
            if (seen.size() >= MAX_DISTINCT_REFERENCES) {
                referencesNotListed++;
                return;
            }
            seen.put(key, new Item(reference, 1, null));
            return;
        }
        item.count++;
        item.ref = merged(item.ref, reference);
    }

    /** A code that was written beats one taken from a phrase; evidence found with any occurrence is kept. */
    private static CodeReference merged(CodeReference kept, CodeReference again) {
        CodeReference base = kept.provenance() == Provenance.PHRASE && again.provenance() == Provenance.GIVEN
                ? again : kept;
        CodeReference other = base == kept ? again : kept;
        if (base.phrase() == null && other.phrase() != null) {
            base = base.withPhrase(other.phrase());
        }
        return base.withEvidence(base.q850Cause() == null ? other.q850Cause() : null,
                base.sender() == null ? other.sender() : null);
    }

    @Override
    public void record(CallRecord record) {
        tally.record(record);
        if (tally.records() == 1) {
            // One record is a question about its codes; from the second on, the records are a report (see build).
            reference(record.reference());
            firstRecordKey = record.reference().key();
        }
    }

    private String firstRecordKey;

    @Override
    public void unreadable(long line, String reason) {
        tally.unreadable(line, reason);
    }

    @Override
    public void otherLine(long line) {
        tally.otherLine();
    }

    @Override
    public void nextPage(String link) {
        tally.nextPage();
    }

    @Override
    public void note(String note) {
        if (!notes.contains(note)) {
            notes.add(note);
        }
        tally.note(note);
    }

    Explanation build() {
        ReportSummary summary = tally.build(explainer);
        boolean report = tally.isReport(minReportRecords);
        if (report && firstRecordKey != null) {
            Item first = seen.get(firstRecordKey);
            if (first != null && --first.count == 0) {
                seen.remove(firstRecordKey);
            }
        }
        // What the text asked, in order of appearance; then the report's failed pairs it did not mention.
        List<Item> items = new ArrayList<>(seen.values());
        if (report) {
            for (Answer failed : summary.failureAnswers()) {
                CodeReference ref = CodeReference.pair(failed.microsoftCode(), failed.sipCode());
                Item alsoAsked = seen.get(ref.key());
                if (alsoAsked != null) {
                    alsoAsked.count += failed.occurrences();
                    alsoAsked.answer = failed;
                } else {
                    items.add(new Item(ref, failed.occurrences(), failed));
                }
            }
        }
        fold(items);
        List<Answer> answers = new ArrayList<>(items.size());
        for (Item item : items) {
            Answer answer = item.answer != null ? item.answer : explainer.answer(item.ref);
            answers.add(answer.withOccurrences(item.count));
        }
        List<String> allNotes = new ArrayList<>(report ? summary.notes() : notes);
        if (referencesNotListed > 0) {
            allNotes.add(referencesNotListed + " more references to codes beyond the first " + MAX_DISTINCT_REFERENCES
                    + " distinct ones were counted but not explained.");
        }
        return Explanation.of(answers, report ? Optional.of(summary) : Optional.empty(), allNotes);
    }

    /**
     * One answer per reference: a SIP code, a Microsoft code or an official phrase seen alone is another mention of
     * a pair that holds it, not a second answer. Its occurrences count for the first such pair.
     */
    private void fold(List<Item> items) {
        Map<Integer, Item> pairBySip = new java.util.HashMap<>();
        Map<String, Item> pairByMicrosoftCode = new java.util.HashMap<>();
        Map<String, Item> pairByKey = new java.util.HashMap<>();
        for (Item item : items) {
            CodeReference ref = item.ref;
            if (!ref.isRule() && ref.microsoftCode() != null && ref.sipCode() != null) {
                pairBySip.putIfAbsent(ref.sipCode(), item);
                pairByMicrosoftCode.putIfAbsent(ref.microsoftCode(), item);
                pairByKey.putIfAbsent(ref.key(), item);
            }
        }
        java.util.Iterator<Item> it = pairByKey.isEmpty() ? java.util.Collections.emptyIterator() : items.iterator();
        while (it.hasNext()) {
            Item item = it.next();
            CodeReference ref = item.ref;
            if (item.answer != null || ref.isRule() || ref.microsoftCode() != null && ref.sipCode() != null) {
                // a report's failed pair is its rows' own count, never a mention of another pair
                continue;
            }
            Item target = null;
            if (ref.sipCode() != null) {
                target = pairBySip.get(ref.sipCode());
            } else if (ref.microsoftCode() != null) {
                target = pairByMicrosoftCode.get(ref.microsoftCode());
            } else if (ref.phrase() != null) {
                List<CatalogEntry> entries = phrases.tolerant(ref.phrase()).map(catalog::byPhrase).orElse(List.of());
                for (CatalogEntry e : entries) {
                    for (int sip : e.sipCodes()) {
                        target = target != null ? target
                                : pairByKey.get(CodeReference.pair(e.microsoftCode(), sip).key());
                    }
                }
                for (CatalogEntry e : entries) {
                    // the phrase of a Microsoft code given with another status code ("200 / 8515")
                    target = target != null || e.microsoftCode() == null ? target
                            : pairByMicrosoftCode.get(e.microsoftCode());
                }
            }
            if (target != null) {
                // A phrase explains the pair it belongs to; a code seen alone is another mention of it.
                target.count += ref.hasCode() ? item.count : 0;
                target.ref = target.ref.withEvidence(target.ref.q850Cause() == null ? ref.q850Cause() : null,
                        target.ref.sender() == null ? ref.sender() : null);
                it.remove();
            }
        }
        pairSipCodesWithPhrases(items);
    }

    /**
     * A SIP code and, elsewhere in the text, an official phrase that Microsoft publishes with exactly one Microsoft
     * code for that SIP code ("a 403 Forbidden error" in one paragraph, the Reason header's phrase in another): one
     * pair, its Microsoft code taken from the phrase.
     */
    private void pairSipCodesWithPhrases(List<Item> items) {
        Map<Item, List<CatalogEntry>> phraseEntries = new java.util.IdentityHashMap<>();
        for (Item item : items) {
            CodeReference ref = item.ref;
            if (!ref.hasCode() && ref.phrase() != null && !ref.isRule()) {
                phraseEntries.put(item, phrases.tolerant(ref.phrase()).map(catalog::byPhrase).orElse(List.of()));
            }
        }
        if (phraseEntries.isEmpty()) {
            return;
        }
        java.util.Set<Item> removed = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Item sipAlone : items) {
            CodeReference sip = sipAlone.ref;
            if (removed.contains(sipAlone) || sipAlone.answer != null || sip.isRule() || sip.sipCode() == null
                    || sip.microsoftCode() != null) {
                continue;
            }
            for (Item phraseItem : items) {
                List<CatalogEntry> entries = phraseEntries.get(phraseItem);
                if (entries == null || removed.contains(phraseItem)) {
                    continue;
                }
                List<CatalogEntry> withSip = entries.stream().filter(e -> e.sipCodes().contains(sip.sipCode())).toList();
                List<String> codes = withSip.stream().map(CatalogEntry::microsoftCode)
                        .filter(java.util.Objects::nonNull).distinct().toList();
                if (withSip.isEmpty()) {
                    continue;
                }
                CodeReference phrase = phraseItem.ref;
                // One Microsoft code for that SIP code: the pair. Several: the phrase stays with the SIP code,
                // where it picks the entry that has it.
                CodeReference joined = sip.phrase() == null ? sip.withPhrase(phrase.phrase()) : sip;
                sipAlone.ref = (codes.size() == 1 ? joined.withMicrosoftCodeFromPhrase(codes.get(0)) : joined)
                        .withEvidence(sip.q850Cause() == null ? phrase.q850Cause() : null,
                                sip.sender() == null ? phrase.sender() : null);
                removed.add(phraseItem);
                break;
            }
        }
        items.removeIf(removed::contains);
    }
}
