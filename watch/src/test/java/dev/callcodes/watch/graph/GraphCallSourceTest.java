package dev.callcodes.watch.graph;

import dev.callcodes.watch.calls.CallRow;
import dev.callcodes.watch.calls.CallSource;
import dev.callcodes.watch.calls.SourceException;
import dev.callcodes.watch.stub.GraphStub;
import dev.callcodes.watch.stub.ManualClock;
import dev.callcodes.watch.stub.StubServer;
import dev.callcodes.watch.stub.TestCalls;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The Graph client against a local Graph stub over real HTTP, with a fixed token. */
class GraphCallSourceTest {

    private static final Instant NOW = Instant.parse("2024-05-06T12:00:00Z");
    private final ManualClock clock = new ManualClock(NOW);
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private final List<Boolean> tokenRefreshes = new CopyOnWriteArrayList<>();
    private GraphStub stub;
    private GraphCallSource source;

    @BeforeEach
    void start() throws Exception {
        stub = GraphStub.http(clock);
        TokenProvider tokens = refresh -> {
            tokenRefreshes.add(refresh);
            return refresh ? "fresh-token" : "cached-token";
        };
        source = new GraphCallSource(stub.base(), tokens, GraphCallSource.httpClient(null),
                new RetryPolicy(4, Duration.ofSeconds(1), Duration.ofMinutes(2)), sleeps::add, clock);
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    private List<CallRow> read(Instant from, Instant to) throws SourceException {
        List<CallRow> rows = new ArrayList<>();
        source.read(from, to, rows::add);
        return rows;
    }

    @Test
    void followsNextLinksAcrossPages() throws Exception {
        stub.pageSize(1000);
        stub.addAll(TestCalls.many("c", 2_500, NOW.minusSeconds(3_000), "sbc1.contoso.com", "510559", 403), NOW);
        List<CallRow> rows = new ArrayList<>();
        CallSource.ReadResult result = source.read(NOW.minusSeconds(3_600), NOW, rows::add);
        assertThat(result.pages()).isEqualTo(3);
        assertThat(result.rows()).isEqualTo(2_500);
        assertThat(rows).extracting(CallRow::id).doesNotHaveDuplicates().hasSize(2_500);
        assertThat(stub.server().requests().get(0).uri().getPath()).isEqualTo("/v1.0/communications/callRecords/"
                + "getDirectRoutingCalls(fromDateTime=2024-05-06T11:00:00Z,toDateTime=2024-05-06T12:00:00Z)");
        assertThat(stub.server().requests().get(1).uri().getRawQuery()).isEqualTo("$skip=1000");
        assertThat(stub.server().requests().get(0).header("Authorization")).isEqualTo("Bearer cached-token");
    }

    @Test
    void onlyCallsThatStartedInTheWindowAndHaveArrived() throws Exception {
        stub.add(TestCalls.ok("inside", NOW.minusSeconds(600), "sbc1.contoso.com"), NOW.minusSeconds(500));
        stub.add(TestCalls.ok("before", NOW.minusSeconds(4_000), "sbc1.contoso.com"), NOW.minusSeconds(3_900));
        stub.add(TestCalls.ok("late", NOW.minusSeconds(300), "sbc1.contoso.com"), NOW.plusSeconds(3_600));
        assertThat(read(NOW.minusSeconds(3_600), NOW)).extracting(CallRow::id).containsExactly("inside");
        clock.advance(Duration.ofHours(1));
        assertThat(read(NOW.minusSeconds(3_600), NOW)).extracting(CallRow::id).containsExactlyInAnyOrder("late", "inside");
    }

    @Test
    void waitsAsLongAsRetryAfterSaysOn429() throws Exception {
        stub.add(TestCalls.ok("a", NOW.minusSeconds(60), "sbc1.contoso.com"), NOW);
        stub.failGraph(new StubServer.Response(429, Map.of("Retry-After", "7"),
                "{\"error\":{\"code\":\"TooManyRequests\"}}".getBytes()));
        CallSource.ReadResult result = source.read(NOW.minusSeconds(3_600), NOW, row -> { });
        assertThat(result.rows()).isEqualTo(1);
        assertThat(result.retries()).isEqualTo(1);
        assertThat(sleeps).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void backsOffWithJitterOn503And504() throws Exception {
        stub.add(TestCalls.ok("a", NOW.minusSeconds(60), "sbc1.contoso.com"), NOW);
        stub.failGraph(StubServer.Response.json(503, "{}"), StubServer.Response.json(504, "{}"));
        assertThat(read(NOW.minusSeconds(3_600), NOW)).hasSize(1);
        assertThat(sleeps).hasSize(2);
        assertThat(sleeps.get(0)).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
        assertThat(sleeps.get(1)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void anOutageFailsThePollWithTheReason() {
        stub.outage(true);
        SourceException e = catchThrowableOfType(SourceException.class, () -> read(NOW.minusSeconds(60), NOW));
        assertThat(e.problem()).isEqualTo(SourceException.Problem.UNREACHABLE);
        assertThat(e.reason()).isEqualTo("Graph answered 503 4 times: ServiceUnavailable outage");
        assertThat(stub.graphRequests()).isEqualTo(4);
    }

    @Test
    void aServerThatIsGoneIsUnreachable() {
        stub.close();
        SourceException e = catchThrowableOfType(SourceException.class, () -> read(NOW.minusSeconds(60), NOW));
        assertThat(e.problem()).isEqualTo(SourceException.Problem.UNREACHABLE);
        assertThat(e.reason()).startsWith("Graph cannot be reached after 4 tries: ");
    }

    @Test
    void a401GetsOneFreshToken() throws Exception {
        stub.add(TestCalls.ok("a", NOW.minusSeconds(60), "sbc1.contoso.com"), NOW);
        stub.failGraph(StubServer.Response.json(401, "{\"error\":{\"code\":\"InvalidAuthenticationToken\"}}"));
        assertThat(read(NOW.minusSeconds(3_600), NOW)).hasSize(1);
        assertThat(tokenRefreshes).containsExactly(false, true);
        stub.failGraph(StubServer.Response.json(401, "{}"), StubServer.Response.json(401, "{}"));
        SourceException e = catchThrowableOfType(SourceException.class, () -> read(NOW.minusSeconds(60), NOW));
        assertThat(e.problem()).isEqualTo(SourceException.Problem.CREDENTIALS);
    }

    @Test
    void a403NamesThePermissionToGrant() {
        stub.failGraph(StubServer.Response.json(403, "{\"error\":{\"code\":\"Authorization_RequestDenied\","
                + "\"message\":\"Insufficient privileges to complete the operation.\"}}"));
        SourceException e = catchThrowableOfType(SourceException.class, () -> read(NOW.minusSeconds(60), NOW));
        assertThat(e.problem()).isEqualTo(SourceException.Problem.PERMISSION);
        assertThat(e.reason()).contains("Authorization_RequestDenied Insufficient privileges")
                .contains("CallRecords.Read.All or CallRecord-PstnCalls.Read.All");
    }

    @Test
    void aNextLinkToAnotherHostIsNotFollowed() {
        stub.failGraph(StubServer.Response.json(200,
                "{\"value\":[],\"@odata.nextLink\":\"https://attacker.example.com/steal\"}"));
        SourceException e = catchThrowableOfType(SourceException.class, () -> read(NOW.minusSeconds(60), NOW));
        assertThat(e.problem()).isEqualTo(SourceException.Problem.BAD_RESPONSE);
        assertThat(e.reason()).contains("attacker.example.com").contains("the token is not sent there");
        assertThat(stub.graphRequests()).isEqualTo(1);
    }

    @Test
    void retryAfterAsAnHttpDate() {
        RetryPolicy policy = RetryPolicy.defaults();
        assertThat(policy.delay(1, java.util.Optional.of("Mon, 06 May 2024 12:00:30 GMT"), NOW))
                .isEqualTo(Duration.ofSeconds(30));
        assertThat(policy.delay(1, java.util.Optional.of("3600"), NOW)).isEqualTo(Duration.ofMinutes(2));
    }
}
