package dev.callcodes.bot.cli;

import dev.callcodes.catalog.CatalogEntry;
import dev.callcodes.catalog.CodeLabels;
import dev.callcodes.catalog.Originator;
import dev.callcodes.catalog.SipCodeInfo;
import dev.callcodes.catalog.Wording;
import dev.callcodes.catalog.explain.Answer;
import dev.callcodes.catalog.explain.Match;

import dev.callcodes.catalog.report.ReportSummary;

import java.util.List;
import java.util.Locale;

/** Answers and search results as plain text for a terminal. */
final class TextReport {

    static final String NOTHING_FOUND = "No codes found. Try: explain \"what is 510559 403\", or paste a row "
            + "from the Teams admin center, a Graph call record or a SIP trace.";
    /** Beyond this many entries for one answer, the rest are listed one line each. */
    private static final int FULL_ENTRIES = 3;
    private static final int WIDTH = 100;

    private TextReport() {
    }

    static String answers(List<Answer> answers) {
        if (answers.isEmpty()) {
            return NOTHING_FOUND;
        }
        StringBuilder out = new StringBuilder();
        for (Answer answer : answers) {
            if (!out.isEmpty()) {
                out.append("\n").append("-".repeat(WIDTH)).append("\n\n");
            }
            answer(answer, out);
        }
        if (answers.size() > 1) {
            out.append("\n").append(answers.size()).append(" distinct references, ")
                    .append(answers.stream().mapToInt(Answer::occurrences).sum()).append(" in all.\n");
        }
        return out.toString().stripTrailing();
    }

    /** The most frequent pairs a report's text output explains in full; --json carries all ten. */
    static final int EXPLAINED_IN_TEXT = 3;

    /** A report: its summary, then its most frequent failed pairs explained. */
    static String report(ReportSummary s) {
        List<Answer> top = s.failureAnswers().subList(0, Math.min(EXPLAINED_IN_TEXT, s.failureAnswers().size()));
        return top.isEmpty() ? summary(s) : summary(s) + "\n\nThe most frequent, explained:\n\n" + answers(top);
    }

    /** A report's summary: counts, who sent the failures, the pairs, the SBCs and call types, what was not read. */
    static String summary(ReportSummary s) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Report: %,d calls read, %,d failed, %,d succeeded", s.rowsRead(),
                s.failedCalls(), s.succeededCalls()));
        if (s.rowsWithoutCodes() > 0) {
            out.append(String.format(Locale.ROOT, ", %,d without codes", s.rowsWithoutCodes()));
        }
        out.append("\n");
        if (s.first() != null) {
            out.append("From ").append(s.first()).append(" to ").append(s.last()).append("\n");
        }
        if (s.unreadableRows() > 0) {
            out.append(String.format(Locale.ROOT, "Could not read %,d %s:%n", s.unreadableRows(),
                    s.unreadableRows() == 1 ? "row" : "rows"));
            s.problems().forEach(p -> out.append(String.format(Locale.ROOT, "  line %d: %s (%,d %s)%n",
                    p.firstLine(), p.reason(), p.rows(), p.rows() == 1 ? "row" : "rows")));
        }
        if (s.morePages() > 0) {
            out.append("Graph says more records follow (@odata.nextLink): fetch the next pages for the whole period.\n");
        }
        if (s.failedCalls() > 0) {
            out.append(String.format(Locale.ROOT, "Failures sent by your SBC %s, by Microsoft %s, not known %s%n",
                    share(s.originators().sbc(), s.failedCalls()), share(s.originators().microsoft(), s.failedCalls()),
                    share(s.originators().unknown(), s.failedCalls())));
            out.append("\nFailed calls by pair:\n");
            for (ReportSummary.PairCount p : s.pairs()) {
                out.append(String.format(Locale.ROOT, "%8s  %6s  %-14s %-10s %s%n", Wording.number(p.count()),
                        Wording.share(p.share()), pair(p.microsoftCode(), p.sipCode()),
                        Wording.originatorShort(p.originator()), p.phrase() == null ? "" : p.phrase().replace('\n', ' ')));
            }
            if (s.pairsNotListed() > 0) {
                out.append(String.format(Locale.ROOT, "%8s  more failed calls with rarer pairs%n",
                        Wording.number(s.pairsNotListed())));
            }
        }
        groups(out, "By SBC", s.bySbc());
        groups(out, "By call type", s.byCallType());
        return out.toString().stripTrailing();
    }

    private static void groups(StringBuilder out, String title, List<ReportSummary.GroupCount> groups) {
        if (groups.isEmpty()) {
            return;
        }
        out.append("\n").append(title).append(" (failed of calls):\n");
        groups.forEach(g -> out.append(String.format(Locale.ROOT, "  %-40s %,d of %,d (%s)%n", g.name(), g.failed(),
                g.calls(), Wording.percent(g.failed(), g.calls()))));
    }

    private static String share(long part, long whole) {
        return Wording.number(part) + " (" + Wording.percent(part, whole) + ")";
    }

    static String results(List<CatalogEntry> results) {
        if (results.isEmpty()) {
            return "Nothing found.";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < results.size(); i++) {
            CatalogEntry e = results.get(i);
            out.append(String.format("%2d. %s  %s%n", i + 1, pair(e.microsoftCode(), e.sipCodeFor(null)), e.phrase()));
            wrap(out, e.summary(), "    ");
            out.append("    ").append(e.family()).append(" | ").append(e.id()).append("\n");
        }
        return out.toString().stripTrailing();
    }

    private static void answer(Answer a, StringBuilder out) {
        out.append(title(a)).append("\n");
        out.append("Match: ").append(a.match().label());
        if (a.occurrences() > 1) {
            out.append(" | seen ").append(a.occurrences()).append(" times");
        }
        out.append("\n");
        if (a.originator() != Originator.UNKNOWN) {
            out.append("Generated by: ").append(originatorText(a.originator())).append("\n");
        }
        for (String warning : a.warnings()) {
            wrap(out, "Warning: " + warning, "");
        }
        for (String note : a.notes()) {
            wrap(out, note, "");
        }
        if (a.sip() != null && (a.match() == Match.SIP_CODE || a.entries().isEmpty())) {
            sip(a.sip(), out);
        }
        List<CatalogEntry> entries = a.entries();
        boolean brief = a.match() == Match.SIP_CODE || entries.size() > FULL_ENTRIES;
        int full = brief ? (a.match() == Match.SIP_CODE ? 0 : 1) : entries.size();
        for (int i = 0; i < full; i++) {
            out.append("\n");
            entry(entries.get(i), a.sipCode(), out);
        }
        if (entries.size() > full) {
            out.append("\n").append(full == 0 ? "Catalog entries with this code:" : "Also listed:").append("\n");
            for (CatalogEntry e : entries.subList(full, entries.size())) {
                out.append("  - ").append(pair(e.microsoftCode(), e.sipCodeFor(a.sipCode()))).append("  ")
                        .append(e.phrase()).append("  (").append(e.family()).append(")\n");
            }
        }
    }

    private static void entry(CatalogEntry e, Integer sipCode, StringBuilder out) {
        out.append(pair(e.microsoftCode(), e.sipCodeFor(sipCode))).append("  \"").append(e.phrase()).append("\"\n");
        out.append("  ").append(e.family()).append(" | ").append(e.id()).append(" | applies to ")
                .append(String.join(", ", e.appliesTo())).append("\n");
        wrap(out, e.summary(), "  ");
        wrap(out, "Likely cause: " + e.cause(), "  ");
        if (e.originatorNote() != null) {
            wrap(out, "Who sent it: " + e.originatorNote(), "  ");
        }
        out.append("  Steps:\n");
        for (int i = 0; i < e.steps().size(); i++) {
            wrap(out, (i + 1) + ". " + e.steps().get(i), "    ");
        }
        for (String note : e.sourceNotes()) {
            wrap(out, "Source note: " + note, "  ");
        }
        if (!e.related().isEmpty()) {
            out.append("  Related: ").append(String.join(", ", e.related())).append("\n");
        }
        for (String source : e.sources()) {
            out.append("  Source: ").append(source).append("\n");
        }
    }

    private static void sip(SipCodeInfo info, StringBuilder out) {
        out.append("\nSIP ").append(info.code()).append(" ").append(info.reasonPhrase())
                .append(info.rfc() != null ? " (" + info.rfc() + ")" : " (not registered with IANA)").append("\n");
        wrap(out, info.meaning(), "  ");
        wrap(out, "In Teams: " + info.inTeams(), "  ");
    }

    private static String title(Answer a) {
        String codes = pair(a.microsoftCode(), a.sipCode());
        return a.match() == Match.PHRASE && a.microsoftCode() == null ? "\"" + a.phrase() + "\"" : codes;
    }

    static String pair(String microsoftCode, Integer sipCode) {
        String label = CodeLabels.pair(microsoftCode, sipCode);
        return label.isEmpty() ? "(no code)" : label;
    }

    private static String originatorText(Originator originator) {
        return originator == Originator.SBC
                ? "your SBC (or the carrier behind it): start with the SBC logs"
                : "a Microsoft service: start with Teams configuration and Microsoft's side";
    }

    /** Appends the text word-wrapped at {@link #WIDTH}, each line starting with the indent. */
    private static void wrap(StringBuilder out, String text, String indent) {
        StringBuilder line = new StringBuilder(indent);
        for (String word : text.strip().split("\\s+")) {
            if (line.length() > indent.length() && line.length() + 1 + word.length() > WIDTH) {
                out.append(line).append("\n");
                line = new StringBuilder(indent).append("   ");
            }
            if (line.length() > indent.length() && !line.toString().endsWith("   ")) {
                line.append(' ');
            }
            line.append(word);
        }
        out.append(line).append("\n");
    }
}
