package dev.callcodes.watch.calls;

import dev.callcodes.catalog.report.CallOutcome;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CallRowParserTest {

    private final CallRowParser parser = new CallRowParser();

    private CallRowParser.Page parse(String json, List<CallRow> rows) throws IOException {
        return parser.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), rows::add);
    }

    @Test
    void readsMicrosoftsExampleResponse() throws IOException {
        List<CallRow> rows = new ArrayList<>();
        CallRowParser.Page page;
        try (InputStream in = getClass().getResourceAsStream("/graph/getdirectroutingcalls-example.json")) {
            page = parser.parse(in, rows::add);
        }
        assertThat(page.rows()).isEqualTo(1);
        assertThat(page.unreadable()).isZero();
        assertThat(page.nextLink()).isEqualTo("https://graph.microsoft.com/v1.0/communications/callRecords/"
                + "getDirectRoutingCalls(fromDateTime=2019-11-01,toDateTime=2019-12-01)?$skip=1000");
        CallRow row = rows.get(0);
        assertThat(row.id()).isEqualTo("9e8bba57-dc14-533a-a7dd-f0da6575eed1");
        assertThat(row.correlationId()).isEqualTo("c98e1515-a937-4b81-b8a8-3992afde64e0");
        assertThat(row.startDateTime()).isEqualTo(Instant.parse("2019-11-01T00:00:25.105Z"));
        assertThat(row.inviteDateTime()).isEqualTo(Instant.parse("2019-11-01T00:00:21.949Z"));
        assertThat(row.failureDateTime()).as("0001-01-01 is Graph's 'none'").isNull();
        assertThat(row.endDateTime()).isEqualTo(Instant.parse("2019-11-01T00:00:30.105Z"));
        assertThat(row.finalSipCode()).isZero();
        assertThat(row.callEndSubReason()).isEqualTo("540000");
        assertThat(row.finalSipCodePhrase()).isEqualTo("BYE");
        assertThat(row.callType()).isEqualTo("ByotIn");
        assertThat(row.sbc()).isEqualTo("tll-audiocodes01.adatum.biz");
        assertThat(row.user()).isEqualTo("richard.malk@contoso.com");
        assertThat(row.userId()).isEqualTo("db03c14b-06eb-4189-939b-7cbf3a20ba27");
        assertThat(row.duration()).isEqualTo(5);
        assertThat(row.successfulCall()).isTrue();
        assertThat(row.outcome()).isEqualTo(CallOutcome.ENDED_NORMALLY);
    }

    @Test
    void theNextLinkMayComeFirstAndInEitherSpelling() throws IOException {
        List<CallRow> rows = new ArrayList<>();
        CallRowParser.Page page = parse("{\"@odata.NextLink\":\"https://graph.microsoft.com/next\",\"value\":[]}", rows);
        assertThat(page.nextLink()).isEqualTo("https://graph.microsoft.com/next");
        assertThat(page.rows()).isZero();
    }

    @Test
    void rowsThatCannotBeUsedAreCountedWithTheFirstReason() throws IOException {
        List<CallRow> rows = new ArrayList<>();
        CallRowParser.Page page = parse("""
                {"value":[
                  {"id":"a","startDateTime":"2024-05-01T10:00:00Z","finalSipCode":403,"callEndSubReason":510559,
                   "extra":{"nested":[1,2]}},
                  {"startDateTime":"2024-05-01T10:00:00Z","finalSipCode":403},
                  {"id":"c","startDateTime":"yesterday"},
                  {"id":"d"},
                  42,
                  {"id":"e","startDateTime":"2024-05-01T10:00:01+02:00","finalSipCode":"486","callEndSubReason":"560486"}
                ]}""", rows);
        assertThat(page.rows()).isEqualTo(2);
        assertThat(page.unreadable()).isEqualTo(4);
        assertThat(page.firstProblem()).isEqualTo("row 1: no id");
        assertThat(rows).extracting(CallRow::id).containsExactly("a", "e");
        assertThat(rows.get(1).startDateTime()).isEqualTo(Instant.parse("2024-05-01T08:00:01Z"));
        assertThat(rows.get(1).pair().key()).isEqualTo("560486/486");
    }

    @Test
    void answeredElsewhereIsNotAFailureButForbiddenIs() {
        assertThat(CallOutcome.of("540200", 487)).isEqualTo(CallOutcome.ANSWERED_ELSEWHERE);
        assertThat(CallOutcome.of("540200", 487).failed()).isFalse();
        assertThat(CallOutcome.of("510559", 403).failed()).isTrue();
        assertThat(CallOutcome.of("560000", 0)).isEqualTo(CallOutcome.ENDED_NORMALLY);
        assertThat(CallOutcome.of(null, null)).isEqualTo(CallOutcome.NO_FINAL_CODE);
    }

    @Test
    void familiesAreCalledOut() {
        assertThat(CodeFamily.of("569008")).isEqualTo(CodeFamily.TLS_CONNECTION);
        assertThat(CodeFamily.of("560503")).isEqualTo(CodeFamily.SBC_GENERATED);
        assertThat(CodeFamily.of("510559")).isEqualTo(CodeFamily.MICROSOFT);
        assertThat(CodeFamily.of(null)).isEqualTo(CodeFamily.UNKNOWN);
        assertThat(CodePair.parse("-/403")).isEqualTo(new CodePair(null, 403));
    }
}
