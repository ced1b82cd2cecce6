package dev.callcodes.bot.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.schema.Activity;
import dev.callcodes.catalog.Catalog;
import dev.callcodes.bot.MovableClock;
import dev.callcodes.bot.chat.AnswerMetrics;
import dev.callcodes.bot.chat.ChatRoutes;
import dev.callcodes.bot.chat.TeamUnavailable;
import dev.callcodes.bot.chat.CodeQueries;
import dev.callcodes.bot.chat.Failures;
import dev.callcodes.bot.watch.TestWatches;
import dev.callcodes.cards.AnswerCards;
import dev.callcodes.catalog.explanation.CallCodes;
import dev.callcodes.store.DocumentStore;
import dev.callcodes.store.embedded.FileDocumentStore;
import dev.callcodes.watch.Watch;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.callcodes.bot.teams.Activities.cards;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/** {@code watch} and its words, as turns through the SDK's pipeline, with the watch wired as the app wires it. */
class WatchTurnsTest {

    private static final AnswerCards CARDS = new AnswerCards(Catalog.loadEmbedded());
    private static final Map<String, String> DEMO = Map.of("CALLCODES_WATCH_SOURCE", "demo");
    private static CallCodes codes;

    @TempDir
    Path dir;

    private final MovableClock clock = new MovableClock(Instant.parse("2024-05-08T09:00:00Z"));
    private DocumentStore store;
    private CapturingAdapter adapter;
    private CallCodesBot bot;
    private TestWatches.Kit kit;

    @BeforeAll
    static void loadCatalog() {
        codes = CallCodes.embedded();
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void start(Map<String, String> env) {
        store = FileDocumentStore.open(dir, clock);
        adapter = new CapturingAdapter();
        kit = TestWatches.create(env, store, clock, adapter, codes);
        ChatRoutes routes = ChatRoutes.standard(codes, CARDS, kit.control(), TeamUnavailable.of(CARDS));
        AnswerMetrics metrics = new AnswerMetrics(new SimpleMeterRegistry());
        Failures failures = new Failures(metrics);
        adapter.setOnTurnError(new TurnErrorHandler(failures));
        bot = new CallCodesBot(routes, CARDS, new MessageExtension(new CodeQueries(codes), CARDS),
                new MessageAction(routes, CARDS), new ReportUploads(codes, CARDS, new FileTransfers(
                () -> mock(HttpClient.class), FileTransfers.TEAMS_LINKS, Duration.ofSeconds(5)), 1024), metrics, failures,
                false);
    }

    /** The cards of the one message the bot answered with, as text. */
    private List<String> say(Activity activity) {
        adapter.sent.clear();
        adapter.turn(bot, activity).join();
        assertThat(adapter.messages()).hasSize(1);
        return cards(adapter.messages().get(0)).stream().map(JsonNode::toString).toList();
    }

    private List<String> sayInChannel(String text) {
        return say(Activities.channelMention(text));
    }

    @Test
    void watchSubscribesTheChannelNotTheThreadAndOffUnsubscribes() {
        start(DEMO);

        assertThat(sayInChannel("watch")).singleElement().asString()
                .contains("Watching Direct Routing calls", "Nothing is failing right now");
        assertThat(kit.subscribers()).containsExactly("19:support@thread.tacv2");
        assertThat(sayInChannel("watch").get(0)).contains("Already watching");
        assertThat(kit.subscribers()).hasSize(1);
        assertThat(sayInChannel("watch status").get(0)).contains("Watch status", "subscribed, no digest", "demo");

        assertThat(sayInChannel("watch off").get(0)).contains("No more alerts here");
        assertThat(kit.subscribers()).isEmpty();
        assertThat(sayInChannel("watch off").get(0)).contains("Not watching here");
        assertThat(sayInChannel("watch status").get(0)).contains("not subscribed (send watch)");
    }

    @Test
    void aDigestTimeIsSetAndABadTimeOrZoneIsNamed() {
        start(DEMO);
        assertThat(sayInChannel("watch digest 08:00 Europe/Berlin").get(0)).contains("send watch first");

        sayInChannel("watch");
        assertThat(sayInChannel("watch digest 08:00 Europe/Berlin").get(0))
                .contains("Daily digest at 08:00 Europe/Berlin", "The next one: 2024-05-09 06:00 UTC");
        assertThat(sayInChannel("watch status").get(0)).contains("digest at 08:00 Europe/Berlin");

        assertThat(sayInChannel("watch digest 25:00 Europe/Berlin").get(0))
                .contains("'25:00' is not a time of day");
        assertThat(sayInChannel("watch digest 08:00 Mars/Olympus").get(0))
                .contains("'Mars/Olympus' is not a time zone");
        assertThat(sayInChannel("watch digest").get(0)).contains("Give the time and the time zone");
        assertThat(sayInChannel("watch digest off").get(0)).contains("No daily digest");
        assertThat(sayInChannel("watch status").get(0)).contains("subscribed, no digest");
    }

    @Test
    void anUnknownWordIsNamedWithTheWordsThereAre() {
        start(DEMO);
        assertThat(sayInChannel("watch sometimes").get(0))
                .contains("I don't know 'watch sometimes'", "watch off", "watch status", "watch digest");
    }

    @Test
    void withoutSettingsTheWatchIsOffAndSaysWhatToSet() {
        start(Map.of());
        assertThat(sayInChannel("watch").get(0)).contains("The watch is off", "CALLCODES_GRAPH_TENANT_ID",
                "CALLCODES_WATCH_SOURCE=demo");
        assertThat(kit.subscribers()).isEmpty();
        assertThat(sayInChannel("watch status").get(0)).contains("Watch status", "off");
    }

    /** The demo watch, the channel subscribed, polled until the first alert has been sent (and kept in sent). */
    private Watch subscribedUntilTheFirstAlert() {
        start(DEMO);
        Watch watch = kit.running();
        sayInChannel("watch");
        adapter.sent.clear();
        for (int i = 0; i < 6 && adapter.messages().isEmpty(); i++) {
            watch.tick();
            clock.advance(watch.interval());
        }
        return watch;
    }

    @Test
    void alertsGoToSubscribedConversationsOnceAndAnOpenIncidentIsShownToANewSubscriber() {
        Watch watch = subscribedUntilTheFirstAlert();

        assertThat(adapter.messages()).as("the alert, sent through continueConversation").hasSize(1);
        Activity alert = adapter.messages().get(0);
        assertThat(alert.getConversation().getId()).isEqualTo("19:support@thread.tacv2");
        assertThat(alert.getReplyToId()).as("a post of its own, not a reply to 'watch'").isNull();
        String card = cards(alert).get(0).toString();
        assertThat(card).contains("Calls are failing", "569008 / SIP 504 on sbc-eu.contoso.com",
                "Remote certificate expired", "TLS or connection failure", "\"verb\":\"explain\"",
                "\"text\":\"569008 504\"", "mute inc-");
        assertThat(alert.getSummary()).startsWith("Calls are failing: 569008 / SIP 504");
        assertThat(kit.registry().get("callcodes.watch.deliveries").tag("kind", "alert").tag("outcome", "sent")
                .counter().count()).isEqualTo(1);

        List<String> personal = say(Activities.personal("watch"));
        assertThat(personal).hasSize(2);
        assertThat(personal.get(0)).contains("One incident is open now");
        assertThat(personal.get(1)).contains("569008 / SIP 504 on sbc-eu.contoso.com");

        // The rest of the burst: updates at most, one "resolved" to each subscriber, never the first alert again.
        adapter.sent.clear();
        for (int i = 0; i < 80; i++) {
            watch.tick();
            clock.advance(watch.interval());
        }
        List<String> later = adapter.messages().stream().map(a -> cards(a).get(0).toString()).toList();
        assertThat(later.stream().filter(c -> c.contains("Resolved: back to normal")).count()).isEqualTo(2);
        assertThat(later).noneMatch(c -> c.contains("\"Calls are failing\""));
    }

    @Test
    void theMuteButtonMutesTheIncidentAndABadIdIsNamed() {
        start(DEMO);
        Watch watch = kit.running();
        for (int i = 0; i < 6 && watch.openIncidents().isEmpty(); i++) {
            watch.tick();
            clock.advance(watch.interval());
        }
        String id = watch.openIncidents().get(0).id();

        Activity press = Activities.personal("");
        press.setValue(Map.of("verb", "watch", "text", "mute " + id));
        assertThat(say(press).get(0)).contains("Muted for a day", id);

        press.setValue(Map.of("verb", "watch", "text", "mute <b>everything</b>"));
        assertThat(say(press).get(0)).contains("is not an incident id");
    }

    @Test
    void theReportButtonAnswersBelowTheAlertWithTheReportCardOfTheWindowsCalls() {
        Watch watch = subscribedUntilTheFirstAlert();
        JsonNode alert = cards(adapter.messages().get(0)).get(0);
        Matcher button = Pattern.compile("report (inc-[0-9a-f]+)").matcher(alert.toString());
        assertThat(button.find()).as("the alert's report button").isTrue();
        String id = button.group(1);
        String[] judged = fact(alert, "Calls in the window").split(" ");
        long windowCalls = Long.parseLong(judged[0]);
        long windowFailures = Long.parseLong(judged[4]);

        // Action.Execute: the alert stays as it is and the report goes below it.
        adapter.sent.clear();
        adapter.turn(bot, Activities.invoke("adaptiveCard/action", Map.of("action", Map.of("type",
                "Action.Execute", "verb", "watch", "data", Map.of("text", "report " + id))))).join();
        assertThat(Activities.tree(adapter.invokeResponse().getBody()).path("type").asText())
                .isEqualTo(CallCodesBot.OPENED_BELOW_TYPE);
        assertThat(adapter.updated).isEmpty();
        JsonNode report = cards(adapter.messages().get(0)).get(0);
        assertThat(report.toString()).contains("The watch's window on sbc-eu.contoso.com", "569008 / SIP 504",
                "Failed calls by code", "The watch keeps no codes of calls that did not fail");
        long read = Long.parseLong(fact(report, "Calls read").replace(",", ""));
        assertThat(read).as("the window's calls, late records included").isGreaterThanOrEqualTo(windowCalls);
        Matcher pairRow = Pattern.compile("(\\d+)x 569008 / SIP 504").matcher(report.path("fallbackText").asText());
        assertThat(pairRow.find()).isTrue();
        assertThat(Long.parseLong(pairRow.group(1))).isGreaterThanOrEqualTo(windowFailures);
        System.out.println("report: " + report.path("fallbackText").asText() + " (the alert judged " + windowCalls
                + " calls)");

        // Action.Submit, from a client without Action.Execute: the same card, below.
        Activity press = Activities.personal("");
        press.setValue(Map.of("verb", "watch", "text", "report " + id));
        assertThat(say(press).get(0)).contains("The watch's window on sbc-eu.contoso.com");

        press.setValue(Map.of("verb", "watch", "text", "report inc-0123456789ab"));
        assertThat(say(press).get(0)).contains("No alert of inc-0123456789ab in the last 3 days");
        press.setValue(Map.of("verb", "watch", "text", "report ../../etc"));
        assertThat(say(press).get(0)).contains("is not an incident id");

        // Once resolved, and hours later, the watch keeps only hourly counts of its last window: a short line says so.
        for (int i = 0; i < 120 && watch.openIncidents().stream().anyMatch(o -> o.id().equals(id)); i++) {
            watch.tick();
            clock.advance(watch.interval());
        }
        assertThat(watch.openIncidents()).noneMatch(o -> o.id().equals(id));
        clock.advance(Duration.ofHours(4));
        watch.tick();
        press.setValue(Map.of("verb", "watch", "text", "report " + id));
        assertThat(say(press).get(0)).contains("are no longer kept", "sbc-eu.contoso.com", "watch digest");
    }

    private static String fact(JsonNode card, String title) {
        for (JsonNode fact : card.findValues("facts")) {
            for (JsonNode f : fact) {
                if (f.path("title").asText().equals(title)) {
                    return f.path("value").asText();
                }
            }
        }
        throw new AssertionError("no fact '" + title + "' in " + card);
    }

    @Test
    void aDueDigestIsSentOnceADay() {
        start(DEMO);
        Watch watch = kit.running();
        sayInChannel("watch");
        sayInChannel("watch digest 09:30 UTC");
        watch.tick();
        adapter.sent.clear();

        assertThat(kit.sendDueDigests()).as("09:00: not yet").isZero();
        clock.advance(Duration.ofMinutes(31));
        watch.tick();
        assertThat(kit.sendDueDigests()).isEqualTo(1);
        assertThat(kit.sendDueDigests()).as("once a day").isZero();

        String digest = cards(adapter.messages().get(0)).get(0).toString();
        assertThat(digest).contains("Calls on 2024-05-07 (UTC)", "Failures by code pair", "Per SBC",
                "sbc-eu.contoso.com");
    }
}
