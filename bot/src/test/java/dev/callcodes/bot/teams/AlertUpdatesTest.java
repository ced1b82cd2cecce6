package dev.callcodes.bot.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.connector.authentication.MicrosoftAppCredentials;
import dev.callcodes.bot.BotSettings;
import dev.callcodes.bot.MovableClock;
import dev.callcodes.bot.chat.ChatTurn;
import dev.callcodes.bot.watch.TestWatches;
import dev.callcodes.catalog.Originator;
import dev.callcodes.catalog.explanation.CallCodes;
import dev.callcodes.store.DocumentStore;
import dev.callcodes.store.embedded.FileDocumentStore;
import dev.callcodes.watch.calls.CodeFamily;
import dev.callcodes.watch.calls.CodePair;
import dev.callcodes.watch.detect.Alert;
import dev.callcodes.watch.detect.AlertKind;
import dev.callcodes.watch.detect.IncidentType;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One incident, one card: the watch's alerts through the app's adapter to a stub connector. The first alert is a new
 * message (POST), each update replaces it by the id the connector gave it (PUT), a card the connector no longer has
 * is posted again once, a restart sends nothing twice, and the resolution is a new message that the first card turns
 * to as well.
 */
class AlertUpdatesTest {

    private static final Map<String, String> DEMO = Map.of("CALLCODES_WATCH_SOURCE", "demo");
    private static final String CHANNEL = "19:alerts@thread.tacv2";
    private static final String CHAT = "19:later@thread.v2";
    private static final String INCIDENT = "inc-3f2a9c01be4d";
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static CallCodes codes;

    @TempDir
    Path dir;

    private final MovableClock clock = new MovableClock(Instant.parse("2024-05-08T09:00:00Z"));
    private StubConnector connector;
    private CallCodesAdapter adapter;
    private DocumentStore store;
    private TestWatches.Kit kit;

    @BeforeAll
    static void loadCatalog() {
        codes = CallCodes.embedded();
    }

    @BeforeEach
    void start() throws Exception {
        connector = new StubConnector();
        BotSettings settings = BotSettings.from(Map.of(BotSettings.MAX_RETRIES, "2")::get);
        adapter = new CallCodesAdapter(settings, MicrosoftAppCredentials.empty(), new SimpleMeterRegistry());
        store = FileDocumentStore.open(dir, clock);
        kit = TestWatches.create(DEMO, store, clock, adapter, codes);
    }

    @AfterEach
    void stop() throws Exception {
        adapter.close();
        connector.close();
        store.close();
    }

    private void subscribe(TestWatches.Kit to, String conversationId) {
        ObjectNode reference = Activities.JSON.createObjectNode();
        reference.put("channelId", "msteams");
        reference.put("serviceUrl", connector.serviceUrl());
        reference.putObject("conversation").put("id", conversationId).put("conversationType", "channel");
        reference.putObject("bot").put("id", Activities.BOT_ID).put("name", Activities.BOT_NAME);
        to.control().subscribe(new ChatTurn(null, conversationId, "channel", reference));
    }

    private static Alert alert(AlertKind kind, int revision, long failedCalls) {
        return new Alert(INCIDENT + "#" + revision, INCIDENT, kind, Set.of(IncidentType.RATE), "sbc-eu.contoso.com",
                new CodePair("569008", 504), CodeFamily.TLS_CONNECTION, Originator.MICROSOFT, "Remote certificate"
                + " expired", Instant.parse("2024-05-08T08:55:00Z"), Instant.parse("2024-05-08T09:00:00Z"),
                Instant.parse("2024-05-08T08:55:00Z"), Instant.parse("2024-05-08T09:00:00Z"), 150, 40, 0.27, 0.004,
                0, failedCalls, 12, false, "5b1a0c4e-3d7f-4b4e-9a3c-1f2e3d4c5b6a", failedCalls + " calls failed");
    }

    /** The requests one delivery made; deliveries are synchronous, so nothing else is on its way. */
    private List<StubConnector.Request> deliver(TestWatches.Kit by, Alert alert, int expectedRequests)
            throws Exception {
        by.sink().deliver(alert);
        List<StubConnector.Request> requests = expectedRequests == 0 ? List.of()
                : connector.take(expectedRequests, WAIT);
        assertThat(connector.requestsSoFar()).as("no request beyond these").isEmpty();
        return requests;
    }

    private static String card(StubConnector.Request request) {
        return request.body().path("attachments").path(0).path("content").toString();
    }

    private double delivered(TestWatches.Kit of, String outcome) {
        var counter = of.registry().find("callcodes.watch.deliveries").tag("kind", "alert").tag("outcome", outcome)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void anIncidentIsOneCardUpdatedInPlaceThenResolvedWithANewMessage() throws Exception {
        subscribe(kit, CHANNEL);

        List<StubConnector.Request> opened = deliver(kit, alert(AlertKind.OPENED, 1, 40), 1);
        assertThat(opened.get(0).method()).isEqualTo("POST");
        assertThat(opened.get(0).path()).endsWith("/v3/conversations/" + CHANNEL + "/activities");
        assertThat(card(opened.get(0))).contains("Calls are failing", "report " + INCIDENT);

        List<StubConnector.Request> grown = deliver(kit, alert(AlertKind.UPDATED, 2, 80), 1);
        assertThat(grown.get(0).method()).as("the card replaced, not a second post").isEqualTo("PUT");
        assertThat(grown.get(0).path()).endsWith("/v3/conversations/" + CHANNEL + "/activities/stub-1");
        assertThat(card(grown.get(0))).contains("Still failing, and growing", "80");

        // A second conversation subscribed after the first alert: no card of the incident there to replace.
        subscribe(kit, CHAT);
        List<StubConnector.Request> again = deliver(kit, alert(AlertKind.UPDATED, 3, 160), 2);
        assertThat(again).extracting(StubConnector.Request::method).containsExactlyInAnyOrder("PUT", "POST");
        assertThat(again).filteredOn(r -> r.method().equals("POST")).singleElement()
                .satisfies(r -> assertThat(r.path()).endsWith("/v3/conversations/" + CHAT + "/activities"));

        assertThat(delivered(kit, "sent")).as("the first alert, and the update to the new subscriber").isEqualTo(2);
        assertThat(delivered(kit, "updated")).isEqualTo(2);

        List<StubConnector.Request> resolved = deliver(kit, alert(AlertKind.RESOLVED, 4, 160), 4);
        assertThat(resolved).filteredOn(r -> r.method().equals("POST")).as("people are notified").hasSize(2)
                .allSatisfy(r -> assertThat(card(r)).contains("Resolved: back to normal"));
        assertThat(resolved).filteredOn(r -> r.method().equals("PUT")).as("and the first cards say so too")
                .hasSize(2).allSatisfy(r -> assertThat(card(r)).contains("Resolved: back to normal")
                        .doesNotContain("Mute for a day"));
    }

    @Test
    void aCardTheConnectorNoLongerHasIsPostedOnceAndItsNewIdIsKept() throws Exception {
        subscribe(kit, CHANNEL);
        deliver(kit, alert(AlertKind.OPENED, 1, 40), 1);

        connector.failNext(404);
        List<StubConnector.Request> gone = deliver(kit, alert(AlertKind.UPDATED, 2, 80), 2);
        assertThat(gone).extracting(StubConnector.Request::method).containsExactly("PUT", "POST");
        assertThat(delivered(kit, "sent")).isEqualTo(2);
        assertThat(delivered(kit, "failed")).isZero();

        List<StubConnector.Request> next = deliver(kit, alert(AlertKind.UPDATED, 3, 160), 1);
        assertThat(next.get(0).method()).isEqualTo("PUT");
        assertThat(next.get(0).path()).as("the new post's id").endsWith("/activities/stub-2");
    }

    @Test
    void anUpdateRefusedForAnotherReasonIsAFailedDeliveryOfferedAgainLater() throws Exception {
        subscribe(kit, CHANNEL);
        deliver(kit, alert(AlertKind.OPENED, 1, 40), 1);

        connector.failNext(403);
        assertThat(deliver(kit, alert(AlertKind.UPDATED, 2, 80), 1).get(0).method()).isEqualTo("PUT");
        assertThat(delivered(kit, "failed")).isEqualTo(1);

        assertThat(deliver(kit, alert(AlertKind.UPDATED, 2, 80), 1).get(0).method())
                .as("not marked sent: the next offer replaces the card").isEqualTo("PUT");
    }

    @Test
    void afterARestartAnAlertOfferedAgainReachesOnlyThoseThatMissedIt() throws Exception {
        subscribe(kit, CHANNEL);
        deliver(kit, alert(AlertKind.OPENED, 1, 40), 1);
        deliver(kit, alert(AlertKind.UPDATED, 2, 80), 1);

        // A new app on the same store: the same alerts offered again send nothing; the next update still replaces.
        TestWatches.Kit restarted = TestWatches.create(DEMO, store, clock, adapter, codes);
        subscribe(restarted, CHAT);
        List<StubConnector.Request> replayed = deliver(restarted, alert(AlertKind.UPDATED, 2, 80), 1);
        assertThat(replayed.get(0).path()).as("only the conversation that missed it")
                .endsWith("/v3/conversations/" + CHAT + "/activities");
        deliver(restarted, alert(AlertKind.UPDATED, 2, 80), 0);
        assertThat(delivered(restarted, "repeat")).isEqualTo(3);

        List<StubConnector.Request> grown = deliver(restarted, alert(AlertKind.UPDATED, 3, 160), 2);
        assertThat(grown).extracting(StubConnector.Request::method).containsExactly("PUT", "PUT");
        assertThat(grown).extracting(StubConnector.Request::path).anySatisfy(p -> assertThat(p)
                .endsWith("/v3/conversations/" + CHANNEL + "/activities/stub-1"));
    }

    @Test
    void theCardSentIsTheAlertAsItStandsNow() throws Exception {
        subscribe(kit, CHANNEL);
        deliver(kit, alert(AlertKind.OPENED, 1, 40), 1);
        JsonNode put = deliver(kit, alert(AlertKind.UPDATED, 2, 80), 1).get(0).body();
        assertThat(put.path("summary").asText()).startsWith("Still failing, and growing: 569008 / SIP 504");
        assertThat(put.path("id").asText()).isEqualTo("stub-1");
    }
}
