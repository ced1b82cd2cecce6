package dev.callcodes.catalog.explanation;

import dev.callcodes.catalog.Catalog;
import dev.callcodes.catalog.CatalogEntry;
import dev.callcodes.catalog.explain.Answer;
import dev.callcodes.catalog.explain.Explainer;
import dev.callcodes.catalog.intake.CallRecord;
import dev.callcodes.catalog.intake.Intake;
import dev.callcodes.catalog.intake.PhraseIndex;
import dev.callcodes.catalog.intake.PlainText;
import dev.callcodes.catalog.intake.ReadingBudget;
import dev.callcodes.catalog.report.ReportSummary;
import dev.callcodes.catalog.report.ReportTally;
import dev.callcodes.catalog.search.CatalogSearch;

import java.io.IOException;
import java.io.Reader;
import java.util.Objects;

/**
 * CallCodes in one object: the catalog, the one intake, the explainer and search, built once and shared by every
 * surface (chat, message extension, REST, command line, tests), so they all read and answer the same way.
 * Thread-safe.
 *
 * <pre>{@code
 * CallCodes codes = CallCodes.embedded();
 * Explanation e = codes.explain("what is 510559 403");   // e.kind() == ReplyKind.ANSWER
 * }</pre>
 */
public final class CallCodes {

    private final Catalog catalog;
    private final PhraseIndex phrases;
    private final Intake intake;
    private final Explainer explainer;
    /** Built on the first search: a fifth of the catalog's load, and a bot's first answer needs none of it. */
    private volatile CatalogSearch search;

    private CallCodes(Catalog catalog) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.intake = new Intake(catalog);
        this.phrases = intake.phrases();
        this.explainer = new Explainer(catalog, phrases);
    }

    /** The catalog shipped inside this library. Fails fast, naming the file and field, if the data is malformed. */
    public static CallCodes embedded() {
        return new CallCodes(Catalog.loadEmbedded());
    }

    public static CallCodes of(Catalog catalog) {
        return new CallCodes(catalog);
    }

    public Catalog catalog() {
        return catalog;
    }

    public CatalogSearch search() {
        CatalogSearch built = search;
        if (built == null) {
            synchronized (this) {
                built = search;
                if (built == null) {
                    built = new CatalogSearch(catalog);
                    search = built;
                }
            }
        }
        return built;
    }

    /** Explains what a user sent, whole: a chat message, a REST body, command-line words. */
    public Explanation explain(String raw) {
        return explain(PlainText.of(raw), ReadingBudget.unlimited());
    }

    public Explanation explain(PlainText text, ReadingBudget budget) {
        ExplanationBuilder builder = new ExplanationBuilder(explainer, phrases, ExplanationBuilder.TEXT_REPORT_RECORDS);
        intake.read(text, builder, budget);
        return builder.build();
    }

    /**
     * Explains a stream of any size (standard input, a large paste); the caller closes the reader. Like text, it is
     * a report from its second record.
     */
    public Explanation explain(Reader in, ReadingBudget budget) throws IOException {
        return explain(in, budget, ExplanationBuilder.TEXT_REPORT_RECORDS);
    }

    /**
     * Explains a file sent as a report (an upload, {@code /api/report}, {@code explain --file}): a report from its
     * first record. The caller closes the reader.
     */
    public Explanation explainReport(Reader in, ReadingBudget budget) throws IOException {
        return explain(in, budget, ExplanationBuilder.FILE_REPORT_RECORDS);
    }

    private Explanation explain(Reader in, ReadingBudget budget, int minReportRecords) throws IOException {
        ExplanationBuilder builder = new ExplanationBuilder(explainer, phrases, minReportRecords);
        intake.read(in, builder, budget);
        return builder.build();
    }

    /**
     * The report of records that came as data rather than text (the failure watch's calls of one window): counted and
     * explained as a file's records are, with the caller's notes about what the records leave out.
     */
    public ReportSummary report(Iterable<CallRecord> records, java.util.List<String> notes) {
        ReportTally tally = new ReportTally();
        records.forEach(tally::record);
        notes.forEach(tally::note);
        return tally.build(explainer);
    }

    /** The answer for a catalog entry, as if its codes had been asked about (a search result, a preview). */
    public Answer answer(CatalogEntry entry) {
        return explainer.answer(entry);
    }

    /** The answer for one reference, as the explanation of a text would give it. */
    public Answer answer(dev.callcodes.catalog.intake.CodeReference reference) {
        return explainer.answer(reference);
    }
}
