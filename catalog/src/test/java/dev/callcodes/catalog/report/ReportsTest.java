package dev.callcodes.catalog.report;

import dev.callcodes.catalog.Originator;
import dev.callcodes.catalog.TestCatalog;
import dev.callcodes.catalog.explain.Answer;
import dev.callcodes.catalog.explanation.CallCodes;
import dev.callcodes.catalog.explanation.Explanation;
import dev.callcodes.catalog.intake.ReadingBudget;
import dev.callcodes.catalog.intake.RecordFormat;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Realistic exports summarized end to end: counts, splits, breakdowns, time ranges and what could not be read. */
class ReportsTest {

    private static final CallCodes CODES = TestCatalog.codes();

    @Test
    void theAdminCenterCsvExportIsCountedByOutcomePairSbcAndCallType() throws IOException {
        ReportSummary s = summarize("admin-center-export.csv");

        assertThat(s.format()).isEqualTo(RecordFormat.TABLE);
        assertThat(s.rowsRead()).isEqualTo(8);
        assertThat(s.failedCalls()).isEqualTo(5);
        assertThat(s.succeededCalls()).as("0/560000 and 200/540000 are normal clearing").isEqualTo(2);
        assertThat(s.rowsWithoutCodes()).as("a row with empty failure columns").isEqualTo(1);
        assertThat(s.unreadableRows()).isZero();
        assertThat(s.pairs()).extracting(ReportSummary.PairCount::microsoftCode, ReportSummary.PairCount::sipCode,
                        ReportSummary.PairCount::count, ReportSummary.PairCount::originator)
                .containsExactly(
                        tuple("510559", 403, 3L, Originator.MICROSOFT),
                        tuple("560486", 486, 1L, Originator.SBC),
                        tuple("569008", 504, 1L, Originator.MICROSOFT));
        assertThat(s.pairs().get(0).share()).isEqualTo(0.6);
        assertThat(s.pairs().get(0).phrase()).as("quoted comma kept").isEqualTo("Forbidden, Call rejected");
        assertThat(s.pairs().get(0).exampleCorrelationId()).isEqualTo("8a1f2c3d-0000-4000-8000-000000000001");
        assertThat(s.pairs().get(1).phrase()).as("a quoted line break stays in its cell")
                .isEqualTo("Busy Here\n(the user was on another call)");
        assertThat(s.originators()).isEqualTo(new ReportSummary.Split(1, 4, 0));
        assertThat(s.bySbc()).containsExactly(
                new ReportSummary.GroupCount("sbc1.contoso.com", 5, 3),
                new ReportSummary.GroupCount("sbc2.contoso.com", 3, 2));
        assertThat(s.byCallType()).containsExactly(
                new ReportSummary.GroupCount("dr_out", 5, 4),
                new ReportSummary.GroupCount("dr_in", 2, 1),
                new ReportSummary.GroupCount("dr_out_user_forwarding", 1, 0));
        assertThat(s.first()).isEqualTo(Instant.parse("2024-05-03T14:22:10Z"));
        assertThat(s.last()).isEqualTo(Instant.parse("2024-05-03T16:30:00Z"));
        assertThat(s.failureAnswers()).hasSize(3);
        assertThat(s.failureAnswers().get(0).occurrences()).isEqualTo(3);
    }

    @Test
    void aScreenCopyWithTheOldMisspelledHeaderAndUsDisplayTimesIsRead() throws IOException {
        ReportSummary s = summarize("admin-center-screen.tsv");

        assertThat(s.rowsRead()).isEqualTo(3);
        assertThat(s.failedCalls()).isEqualTo(2);
        assertThat(s.pairs().get(0).exampleCorrelationId()).as("'Coorelation ID' is the correlation column")
                .isIn("8a1f2c3d-0000-4000-8000-000000000011", "8a1f2c3d-0000-4000-8000-000000000012");
        assertThat(s.first()).isEqualTo(Instant.parse("2024-05-03T14:22:10Z"));
        assertThat(s.last()).isEqualTo(Instant.parse("2024-05-03T15:10:00Z"));
    }

    @Test
    void portugueseHeadersWithSemicolonsAreRecognised() throws IOException {
        ReportSummary s = summarize("admin-center-pt.csv");

        assertThat(s.rowsRead()).isEqualTo(3);
        assertThat(s.failedCalls()).isEqualTo(2);
        assertThat(s.pairs()).extracting(ReportSummary.PairCount::microsoftCode).containsExactly("510559", "560408");
        assertThat(s.pairs().get(0).phrase()).isEqualTo("Forbidden; Call rejected");
        assertThat(s.bySbc()).as("SBC names are grouped regardless of case")
                .containsExactly(new ReportSummary.GroupCount("sbc1.contoso.com.br", 3, 2));
        assertThat(s.first()).isEqualTo(Instant.parse("2024-05-03T14:22:10Z"));
    }

    @Test
    void aGraphPageIsReadAndItsNextLinkReported() throws IOException {
        ReportSummary s = summarize("graph-page.json");

        assertThat(s.format()).isEqualTo(RecordFormat.JSON);
        assertThat(s.rowsRead()).isEqualTo(3);
        assertThat(s.failedCalls()).isEqualTo(2);
        assertThat(s.succeededCalls()).isEqualTo(1);
        assertThat(s.morePages()).as("@odata.nextLink: the export goes on").isEqualTo(1);
        assertThat(s.bySbc()).as("most failures first, then most calls").containsExactly(
                new ReportSummary.GroupCount("tll-audiocodes01.adatum.biz", 2, 1),
                new ReportSummary.GroupCount("sbc-east.adatum.biz", 1, 1));
        assertThat(s.byCallType()).extracting(ReportSummary.GroupCount::name)
                .containsExactlyInAnyOrder("ByotIn", "ByotOut", "ByotOutUserForwarding");
        assertThat(s.first()).isEqualTo(Instant.parse("2024-02-28T05:03:21.133Z"));
        assertThat(s.last()).isEqualTo(Instant.parse("2024-02-29T17:15:00Z"));
        assertThat(s.originators()).isEqualTo(new ReportSummary.Split(1, 1, 0));
    }

    @Test
    void acsLogsWithStringCodesUnderPropertiesAreRecordsAndABadCodeIsReported() throws IOException {
        ReportSummary s = summarize("acs-call-summary.json");

        assertThat(s.rowsRead()).isEqualTo(2);
        assertThat(s.failedCalls()).isEqualTo(1);
        assertThat(s.succeededCalls()).isEqualTo(1);
        assertThat(s.pairs()).extracting(ReportSummary.PairCount::microsoftCode, ReportSummary.PairCount::sipCode,
                ReportSummary.PairCount::exampleCorrelationId)
                .containsExactly(tuple("560403", 403, "3f1c2d4e-1111-4a5b-9c8d-000000000001"));
        assertThat(s.byCallType()).extracting(ReportSummary.GroupCount::name).containsExactly("P2P");
        assertThat(s.unreadableRows()).isEqualTo(1);
        assertThat(s.problems()).singleElement().satisfies(p -> {
            assertThat(p.reason()).contains("'forbidden'").contains("SIP code");
            assertThat(p.firstLine()).as("where the record starts").isEqualTo(26);
        });
    }

    @Test
    void acsJsonLinesAreOneRecordPerLine() throws IOException {
        ReportSummary s = summarize("acs-call-summary.jsonl");

        assertThat(s.format()).isEqualTo(RecordFormat.JSON);
        assertThat(s.rowsRead()).isEqualTo(3);
        assertThat(s.succeededCalls()).isEqualTo(1);
        assertThat(s.first()).isEqualTo(Instant.parse("2024-03-02T08:00:00Z"));
        assertThat(s.last()).isEqualTo(Instant.parse("2024-03-02T08:10:00Z"));
    }

    @Test
    void malformedRowsAreCountedWithTheirReasonAndLineAndTheRestIsRead() throws IOException {
        ReportSummary s = summarize(new StringReader("""
                Final SIP code,Final Microsoft subcode,Final SIP phrase,SBC FQDN
                403,510559,Forbidden,sbc1.contoso.com
                40x,510559,Forbidden,sbc1.contoso.com
                403,510559,Forbidden, Call rejected,sbc1.contoso.com
                403
                504,5690080000000,Server Time-out,sbc2.contoso.com
                403,510559,Forbidden,sbc1.contoso.com
                """));

        assertThat(s.rowsRead()).isEqualTo(2);
        assertThat(s.unreadableRows()).isEqualTo(4);
        assertThat(s.problems()).extracting(ReportSummary.Problem::firstLine, ReportSummary.Problem::reason).containsExactly(
                tuple(3L, "the SIP code '40x' is not a number from 0 to 699"),
                tuple(4L, "the row has 5 cells but the header names 4 columns (a comma inside a cell without quotes?)"),
                tuple(5L, "the row stops after 1 cell, before the code columns"),
                tuple(6L, "the Microsoft code '5690080000000' is not a number of up to 9 digits"));
    }

    @Test
    void aJsonDocumentThatBreaksOffKeepsTheRecordsBeforeTheBreak() throws IOException {
        ReportSummary s = summarize(new StringReader("""
                [{"finalSipCode": 403, "callEndSubReason": 510559},
                 {"finalSipCode": 404, "callEndSubReason": 510404},
                 {"finalSipCode": 480, "callEn"""));

        assertThat(s.rowsRead()).isEqualTo(2);
        assertThat(s.unreadableRows()).isEqualTo(1);
        assertThat(s.problems().get(0).reason()).startsWith("the JSON breaks off or is not valid here");
    }

    @Test
    void anUnclosedQuoteSwallowsAtMostALimitedNumberOfLines() throws IOException {
        StringBuilder text = new StringBuilder("Final SIP code,Final Microsoft subcode,Final SIP phrase\n");
        text.append("403,510559,\"Forbidden\n");
        for (int i = 0; i < 60; i++) {
            text.append("403,510559,Forbidden\n");
        }
        ReportSummary s = summarize(new StringReader(text.toString()));

        assertThat(s.rowsRead()).as("every row after the broken one is still read").isEqualTo(61);
    }

    @Test
    void rowsWithoutAHeaderInTheAdminCenterShapeAreRecognisedByTheirCells() throws IOException {
        ReportSummary s = summarize(new StringReader("""
                Here are today's failures:
                2024-05-03T14:22:10Z\tJane Doe\tdr_out\tsbc1.contoso.com\t403\t510559\tForbidden; Call rejected\t8a1f2c3d-0000-4000-8000-000000000031
                2024-05-03T14:25:41Z\tAdele Vance\tdr_out\tsbc1.contoso.com\t403\t510559\tForbidden; Call rejected\t8a1f2c3d-0000-4000-8000-000000000032
                2024-05-03T15:01:05Z\tAlex Wilber\tdr_in\tsbc2.contoso.com\t0\t560000\t\t8a1f2c3d-0000-4000-8000-000000000033
                Thanks!
                """));

        assertThat(s.rowsRead()).isEqualTo(3);
        assertThat(s.failedCalls()).isEqualTo(2);
        assertThat(s.otherLines()).isEqualTo(2);
        assertThat(s.bySbc()).extracting(ReportSummary.GroupCount::name)
                .containsExactly("sbc1.contoso.com", "sbc2.contoso.com");
        assertThat(s.byCallType()).extracting(ReportSummary.GroupCount::name).containsExactly("dr_out", "dr_in");
        assertThat(s.pairs().get(0).phrase()).isEqualTo("Forbidden; Call rejected");
        assertThat(s.first()).isEqualTo(Instant.parse("2024-05-03T14:22:10Z"));
    }

    @Test
    void aTableInsideProseGivesASummaryAndTheProseCodesStillGetAnswers() {
        Explanation e = CODES.explain("""
                Yesterday a user also saw 560486 486 on a mobile call. The export:
                Final SIP code\tFinal Microsoft subcode
                403\t510559
                403\t510559
                504\t569008
                """);

        assertThat(e.report()).hasValueSatisfying(s -> {
            assertThat(s.rowsRead()).isEqualTo(3);
            assertThat(s.otherLines()).isEqualTo(1);
        });
        assertThat(e.answers()).extracting(a -> a.microsoftCode() + " " + a.sipCode() + " x" + a.occurrences())
                .containsExactly("560486 486 x1", "510559 403 x2", "569008 504 x1");
    }

    @Test
    void chatTextWithoutATableHasNoSummary() {
        Explanation e = CODES.explain("what is 510559 403");

        assertThat(e.report()).isEmpty();
        assertThat(e.answers()).hasSize(1);
    }

    @Test
    void aSentenceWithCommasIsNotATable() {
        assertThat(CODES.explain("We saw 403, 510559, and later 504.").report()).isEmpty();
    }

    @Test
    void aStreamOfManyMegabytesIsStreamedAndAnsweredFromTheSummary() throws IOException {
        String row = "403,510559,Forbidden,sbc1.contoso.com\n";
        int rows = (5 << 20) / row.length() + 10;
        Reader huge = new Reader() {
            private final String header = "Final SIP code,Final Microsoft subcode,Final SIP phrase,SBC FQDN\n";
            private long position;
            private final long length = header.length() + (long) rows * row.length();

            @Override
            public int read(char[] buffer, int offset, int count) {
                if (position >= length) {
                    return -1;
                }
                int n = 0;
                while (n < count && position < length) {
                    buffer[offset + n++] = position < header.length() ? header.charAt((int) position)
                            : row.charAt((int) ((position - header.length()) % row.length()));
                    position++;
                }
                return n;
            }

            @Override
            public void close() {
            }
        };

        Explanation e = CODES.explain(huge, ReadingBudget.unlimited());

        assertThat(e.report()).hasValueSatisfying(s -> assertThat(s.rowsRead()).isEqualTo(rows));
        assertThat(e.answers()).singleElement().satisfies(a -> assertThat(a.occurrences()).isEqualTo(rows));
    }

    @Test
    void theBreakdownCsvQuotesCellsAndDefusesFormulas() throws IOException {
        ReportSummary s = summarize(new StringReader("""
                Final SIP code,Final Microsoft subcode,Final SIP phrase
                403,510559,"=HYPERLINK(""http://x"")"
                403,510559,whatever
                504,569008,"Server Time-out, again"
                """));

        assertThat(PairCsv.toString(s)).isEqualTo("""
                Microsoft code,SIP code,Failed calls,Share of failed calls,Originator,Phrase,Example correlation ID\r
                510559,403,2,66.7%,MICROSOFT,"'=HYPERLINK(""http://x"")",\r
                569008,504,1,33.3%,MICROSOFT,"Server Time-out, again",\r
                """);
    }

    @Test
    void aGeneratedMonthOfCallsAddsUp() throws IOException {
        java.io.StringWriter export = new java.io.StringWriter();
        SyntheticExport.write(export, 10_000, 42);

        ReportSummary s = summarize(new StringReader(export.toString()));

        assertThat(s.unreadableRows()).as("one row in 5,000 is garbled").isEqualTo(2);
        assertThat(s.rowsRead()).isEqualTo(9_998);
        assertThat(s.failedCalls() + s.succeededCalls()).isEqualTo(9_998);
        assertThat(s.failedCalls()).isBetween(2_700L, 3_300L);
        assertThat(s.pairs()).hasSize(11);
        assertThat(s.pairs().stream().mapToLong(ReportSummary.PairCount::count).sum()).isEqualTo(s.failedCalls());
        assertThat(s.originators().sbc() + s.originators().microsoft() + s.originators().unknown())
                .isEqualTo(s.failedCalls());
        assertThat(s.bySbc()).hasSize(4);
        assertThat(s.first()).isAfterOrEqualTo(Instant.parse("2024-05-01T00:00:00Z"));
        assertThat(s.last()).isBefore(Instant.parse("2024-06-01T00:00:00Z"));
    }

    @Test
    void aColumnOfMicrosoftCodesThatNoHeaderNamesIsReadWithANote() throws IOException {
        ReportSummary s = summarize(new StringReader("""
                Start time,Final SIP code,Subcode Microsoft (translated),SBC
                2024-05-03T14:22:10Z,403,510559,sbc1.contoso.com
                2024-05-03T14:25:10Z,403,510559,sbc1.contoso.com
                2024-05-03T14:27:10Z,486,560486,sbc2.contoso.com
                """));

        assertThat(s.pairs()).extracting(ReportSummary.PairCount::microsoftCode).containsExactly("510559", "560486");
        assertThat(s.notes()).singleElement().asString().contains("Column 3", "Subcode Microsoft (translated)",
                "holds Microsoft codes");
    }

    @Test
    void datesAreReadDayFirstWhenTheDataOrTheHeadersLanguageSaysSoAndANoteSaysHow() throws IOException {
        ReportSummary proven = summarize(new StringReader("""
                Hora de inicio;Código SIP final;Subcódigo final de Microsoft
                13/05/2024 10:00:00;403;510559
                03/05/2024 09:00:00;403;510559
                """));
        assertThat(proven.first()).isEqualTo(Instant.parse("2024-05-03T09:00:00Z"));
        assertThat(proven.last()).isEqualTo(Instant.parse("2024-05-13T10:00:00Z"));
        assertThat(proven.notes()).anyMatch(n -> n.contains("03/05/2024 09:00:00") && n.contains("day first"));

        ReportSummary byLanguage = summarize(new StringReader("""
                Heure de début;Code SIP final;Sous-code Microsoft final
                03/05/2024 09:00:00;403;510559
                04/05/2024 09:00:00;403;510559
                """));
        assertThat(byLanguage.first()).isEqualTo(Instant.parse("2024-05-03T09:00:00Z"));
        assertThat(byLanguage.notes()).anyMatch(n -> n.contains("day first, as French exports write them"));

        ReportSummary english = summarize(new StringReader("""
                Start time,Final SIP code,Final Microsoft subcode
                03/05/2024 09:00:00,403,510559
                03/06/2024 09:00:00,403,510559
                """));
        assertThat(english.first()).isEqualTo(Instant.parse("2024-03-05T09:00:00Z"));
        assertThat(english.notes()).anyMatch(n -> n.contains("month first"));
    }

    @Test
    void outcomesAreClassifiedOnce() throws IOException {
        ReportSummary s = summarize(new StringReader("""
                Method,Final SIP code,Final Microsoft subcode
                INVITE,403,510559
                INVITE,487,540200
                OPTIONS,200,
                INVITE,183,
                INVITE,0,560000
                INVITE,200,540000
                """));

        assertThat(s.rowsRead()).isEqualTo(6);
        assertThat(s.failedCalls()).isEqualTo(1);
        assertThat(s.answeredElsewhere()).as("540200: answered by another endpoint").isEqualTo(1);
        assertThat(s.notCalls()).as("an OPTIONS ping").isEqualTo(1);
        assertThat(s.rowsWithoutCodes()).as("183 is provisional: no final code").isEqualTo(1);
        assertThat(s.succeededCalls()).isEqualTo(2);
        assertThat(s.pairs()).extracting(ReportSummary.PairCount::microsoftCode).containsExactly("510559");
    }

    @Test
    void aMarkdownTableIsAReportAndItsSeparatorRowIsLayout() {
        Explanation e = CODES.explain("""
                | SIP code | Microsoft code | Phrase |
                | --- | :---: | --- |
                | 403 | 510559 | Get Outbound routing - No viable path (Forbidden) |
                | 503 | 560503 | Service unavailable. SBC undergoing maintenance or temporarily overloaded |
                """);

        assertThat(e.report()).hasValueSatisfying(s -> {
            assertThat(s.rowsRead()).isEqualTo(2);
            assertThat(s.unreadableRows()).isZero();
            assertThat(s.failedCalls()).isEqualTo(2);
        });
        assertThat(e.answers()).extracting(Answer::microsoftCode).containsExactlyInAnyOrder("510559", "560503");
    }

    @Test
    void aSipCodeWithoutAMicrosoftCodeIsLabelledWithItsOwnReasonPhrase() throws IOException {
        ReportSummary s = summarize(new StringReader("""
                Final SIP code,Final Microsoft subcode
                500,
                500,
                """));

        assertThat(s.pairs()).singleElement().satisfies(p -> assertThat(p.phrase()).isEqualTo("Server Internal Error"));
    }

    @Test
    void twoMicrosoftCodesInOneCellAreCountedOnceWithANote() throws IOException {
        ReportSummary s = summarize(new StringReader("""
                | Code | Sub-code | Termination reason |
                | :--- | :------  | :--- |
                | 200  | 540000/560000 | Call ended by the PSTN User. |
                | 408  | 8537 | Keep Alive timeout, cleaned up inactive call. |
                """));

        assertThat(s.rowsRead()).isEqualTo(2);
        assertThat(s.succeededCalls()).isEqualTo(1);
        assertThat(s.unreadableRows()).isZero();
        assertThat(s.notes()).singleElement().asString().contains("540000/560000", "counted once, as 540000");
    }

    private static ReportSummary summarize(Reader in) throws IOException {
        return CODES.explain(in, ReadingBudget.unlimited()).report().orElseThrow();
    }

    private static ReportSummary summarize(String resource) throws IOException {
        try (InputStream in = ReportsTest.class.getResourceAsStream("/reports/" + resource)) {
            assertThat(in).as(resource).isNotNull();
            return summarize(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
    }

    static List<String> fixtures() {
        return List.of("admin-center-export.csv", "admin-center-screen.tsv", "admin-center-pt.csv", "graph-page.json",
                "acs-call-summary.json", "acs-call-summary.jsonl");
    }
}
