package dev.callcodes.bot.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.schema.Activity;
import dev.callcodes.bot.MovableClock;
import dev.callcodes.bot.chat.AnswerMetrics;
import dev.callcodes.bot.chat.ChatRoutes;
import dev.callcodes.bot.chat.CodeQueries;
import dev.callcodes.bot.chat.Failures;
import dev.callcodes.bot.chat.TeamUnavailable;
import dev.callcodes.bot.watch.TestWatches;
import dev.callcodes.cards.AnswerCards;
import dev.callcodes.catalog.Catalog;
import dev.callcodes.catalog.explanation.CallCodes;
import dev.callcodes.store.DocumentStore;
import dev.callcodes.store.embedded.FileDocumentStore;
import dev.callcodes.watch.calls.CallRow;
import dev.callcodes.watch.calls.CodePair;
import dev.callcodes.watch.demo.CallGenerator;
import dev.callcodes.watch.detect.IncidentType;
import dev.callcodes.watch.stub.GraphStub;
import dev.callcodes.watch.stub.TestTls;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.callcodes.bot.teams.Activities.cards;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * The watched tenant given as a domain, over the watch's local token endpoint and Graph stub: its ID comes from the
 * first token's tid, and then only that tenant's conversations get the alert.
 */
class WatchTenantTest {

    private static final Instant T = Instant.parse("2024-05-08T10:00:00Z");
    private static final String SBC = "sbc1.contoso.com";
    private static final String OTHER = "0b7e5d3c-1a2f-4c6e-8d9b-a1b2c3d4e5f6";

    @TempDir
    Path dir;

    private final MovableClock clock = new MovableClock(T);
    private DocumentStore store;
    private GraphStub stub;

    @AfterEach
    void close() {
        stub.close();
        store.close();
    }

    private static Activity watchIn(String tenant, String channel) {
        Activity activity = Activities.channelMention("watch");
        activity.getConversation().setId(channel + ";messageid=1700000000000");
        activity.getConversation().setTenantId(tenant);
        return activity;
    }

    @Test
    void aDomainsTenantIsLearnedFromTheTokenAndOnlyItsConversationGetsTheAlert() throws Exception {
        stub = GraphStub.withHttpGraph(clock);
        stub.tokenTenant(GraphStub.TENANT);
        CallGenerator generator = new CallGenerator(7, List.of(new CallGenerator.Sbc(SBC, 2, 0.1)),
                List.of(new CallGenerator.Planted("tls", IncidentType.RATE, SBC, new CodePair("569002", 504),
                        "Unable to deliver INVITE: outgoing TLS negotiation failed; HRESULT=0x80090326",
                        T.minus(Duration.ofMinutes(20)), T.plus(Duration.ofMinutes(40)), 0.6)),
                CallGenerator.Shape.FLAT, Duration.ZERO, Duration.ZERO, ZoneOffset.UTC);
        List<CallRow> rows = new ArrayList<>();
        generator.generate(T.minus(Duration.ofDays(3)), T.plus(Duration.ofHours(1)),
                Instant.parse("3000-01-01T00:00:00Z"), rows::add);
        rows.forEach(row -> stub.add(row, row.startDateTime().plusSeconds(30)));
        Map<String, String> env = new HashMap<>(stub.environment());
        env.put("CALLCODES_GRAPH_TENANT_ID", GraphStub.DOMAIN);
        env.put("CALLCODES_WATCH_BACKFILL", "3d");

        store = FileDocumentStore.open(dir, clock);
        CapturingAdapter adapter = new CapturingAdapter();
        TestWatches.Kit kit = TestWatches.create(env, store, clock, adapter, CallCodes.embedded(),
                TestTls.get().client());
        AnswerCards answers = new AnswerCards(Catalog.loadEmbedded());
        CallCodes codes = CallCodes.embedded();
        ChatRoutes routes = ChatRoutes.standard(codes, answers, kit.control(), TeamUnavailable.of(answers));
        AnswerMetrics metrics = new AnswerMetrics(new SimpleMeterRegistry());
        CallCodesBot bot = new CallCodesBot(routes, answers, new MessageExtension(new CodeQueries(codes), answers),
                new MessageAction(routes, answers), new ReportUploads(codes, answers, new FileTransfers(
                () -> mock(HttpClient.class), FileTransfers.TEAMS_LINKS, Duration.ofSeconds(5)), 1024), metrics,
                new Failures(metrics), false);

        // Before the first token the tenant is not known: both subscribe, neither is shown incidents.
        adapter.turn(bot, watchIn(GraphStub.TENANT, "19:ours@thread.tacv2")).join();
        adapter.turn(bot, watchIn(OTHER, "19:theirs@thread.tacv2")).join();
        assertThat(kit.subscribers()).hasSize(2);
        assertThat(adapter.messages()).allSatisfy(m -> assertThat(cards(m).get(0).toString())
                .contains("has not got its first token yet"));
        adapter.sent.clear();

        kit.running().tick();

        assertThat(adapter.messages()).as("the alert, to tenant T's channel only").hasSize(1);
        assertThat(adapter.messages().get(0).getConversation().getId()).isEqualTo("19:ours@thread.tacv2");
        assertThat(cards(adapter.messages().get(0)).get(0).toString()).contains("Calls are failing");

        adapter.sent.clear();
        adapter.turn(bot, watchIn(OTHER, "19:elsewhere@thread.tacv2")).join();
        List<String> refused = cards(adapter.messages().get(0)).stream().map(JsonNode::toString).toList();
        assertThat(refused).singleElement().asString().contains("Not for this tenant")
                .doesNotContain(GraphStub.TENANT).doesNotContain("569002");
        assertThat(kit.subscribers()).hasSize(2);
    }
}
