package dev.callcodes.bot.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ChannelAccount;
import dev.callcodes.catalog.Catalog;
import dev.callcodes.bot.chat.AnswerMetrics;
import dev.callcodes.bot.chat.ChatRoutes;
import dev.callcodes.bot.chat.WatchUnavailable;
import dev.callcodes.bot.chat.CodeQueries;
import dev.callcodes.bot.chat.Failures;
import dev.callcodes.bot.team.StatsCards;
import dev.callcodes.bot.team.TeamChat;
import dev.callcodes.cards.AnswerCards;
import dev.callcodes.catalog.explanation.CallCodes;
import dev.callcodes.store.ConflictRetry;
import dev.callcodes.store.embedded.FileDocumentStore;
import dev.callcodes.team.TeamStats;
import dev.callcodes.team.feedback.Feedback;
import dev.callcodes.team.feedback.Tally;
import dev.callcodes.team.feedback.Vote;
import dev.callcodes.team.notes.NoteEditors;
import dev.callcodes.team.notes.TeamNotes;
import dev.callcodes.team.usage.UsageCounts;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.callcodes.bot.teams.Activities.cards;
import static dev.callcodes.bot.teams.Activities.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/** "Helpful" and "Not helpful" on answer cards, as bot turns through the SDK pipeline over an embedded store. */
class FeedbackTurnsTest {

    private static final String TENANT = "8f5a2c1e-0000-4000-8000-00000000c0de";
    private static final String ENTRY = "dr-510559-403";
    private static final AnswerCards CARDS = new AnswerCards(Catalog.loadEmbedded());
    private static CallCodes codes;

    @TempDir
    Path data;

    private final MovableClock clock = new MovableClock();
    private FileDocumentStore store;
    private Feedback feedback;
    private UsageCounts usage;
    private CapturingAdapter adapter;
    private CallCodesBot bot;

    @BeforeAll
    static void loadCatalog() {
        codes = CallCodes.embedded();
    }

    @BeforeEach
    void setUp() {
        store = FileDocumentStore.open(data, clock);
        feedback = new Feedback(store, clock, ConflictRetry.DEFAULT);
        usage = new UsageCounts(store, clock, ConflictRetry.DEFAULT);
        TeamChat team = new TeamChat(new TeamStats(usage, feedback), new StatsCards(codes.catalog()), feedback, usage,
                new TeamNotes(store, NoteEditors.everyone(), clock, ConflictRetry.DEFAULT));
        ChatRoutes routes = ChatRoutes.standard(codes, CARDS, WatchUnavailable.of(CARDS), team);
        AnswerMetrics metrics = new AnswerMetrics(new SimpleMeterRegistry());
        Failures failures = new Failures(metrics);
        adapter = new CapturingAdapter();
        adapter.setOnTurnError(new TurnErrorHandler(failures));
        bot = new CallCodesBot(routes, CARDS, new MessageExtension(new CodeQueries(codes), CARDS),
                new MessageAction(routes, CARDS), new ReportUploads(codes, CARDS, new FileTransfers(
                        () -> mock(HttpClient.class), FileTransfers.TEAMS_LINKS, Duration.ofSeconds(5)), 1024 * 1024),
                metrics, failures, false);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    private void turn(Activity activity) {
        activity.getConversation().setTenantId(TENANT);
        adapter.turn(bot, activity).join();
    }

    private static JsonNode feedbackPart(JsonNode card) {
        for (JsonNode element : card.path("body")) {
            if ("team-feedback".equals(element.path("id").asText())) {
                return element;
            }
        }
        return null;
    }

    private static List<JsonNode> buttons(JsonNode part) {
        List<JsonNode> actions = new ArrayList<>();
        part.path("items").forEach(item -> item.path("actions").forEach(actions::add));
        return actions;
    }

    private JsonNode press(String text, String userAad, String userName) {
        Activity invoke = Activities.invoke("adaptiveCard/action", Map.of("action",
                Map.of("type", "Action.Execute", "verb", "feedback", "data", Map.of("text", text))));
        ChannelAccount from = new ChannelAccount("29:" + userName.replace(' ', '-'), userName);
        from.setAadObjectId(userAad);
        invoke.setFrom(from);
        adapter.sent.clear();
        turn(invoke);
        JsonNode body = tree(adapter.invokeResponse().getBody());
        assertThat(body.path("statusCode").asInt()).isEqualTo(200);
        assertThat(body.path("type").asText()).isEqualTo("application/vnd.microsoft.card.adaptive");
        return body.path("value");
    }

    @Test
    void everyAnswerCardAsksWhetherItHelped() {
        turn(Activities.personal("what is 510559 403"));

        JsonNode part = feedbackPart(cards(adapter.messages().get(0)).get(0));
        assertThat(part).isNotNull();
        assertThat(buttons(part)).extracting(b -> b.path("title").asText()).containsExactly("Helpful", "Not helpful");
        assertThat(buttons(part)).allSatisfy(b -> {
            assertThat(b.path("type").asText()).isEqualTo("Action.Execute");
            assertThat(b.path("verb").asText()).isEqualTo("feedback");
            assertThat(b.path("fallback").path("data").path("verb").asText()).isEqualTo("feedback");
        });
        assertThat(buttons(part).get(0).path("data").path("text").asText()).isEqualTo("helpful " + ENTRY + " 510559 403");
        assertThat(part.toString()).doesNotContain("your vote");
    }

    @Test
    void aVoteIsTakenAndTheCardRefreshedToSayIt() {
        JsonNode card = press("helpful " + ENTRY + " 510559 403", "0a1b2c3d-0000-4000-8000-000000000001", "Ana Ops");

        assertThat(card.toString()).contains("Get Outbound routing - No viable path (Forbidden)");
        JsonNode part = feedbackPart(card);
        assertThat(part.path("items").get(0).path("inlines").get(0).path("text").asText())
                .isEqualTo("Thanks, Ana Ops: your vote (Helpful) is in. So far 1 helpful, 0 not helpful.");
        assertThat(buttons(part)).hasSize(2);
        assertThat(feedback.tally(TENANT, ENTRY)).isEqualTo(new Tally(ENTRY, 1, 0));
        assertThat(adapter.messages()).isEmpty();
    }

    @Test
    void oneVotePerPersonTheLaterReplacingTheEarlier() {
        press("helpful " + ENTRY + " 510559 403", "0a1b2c3d-0000-4000-8000-000000000001", "Ana Ops");
        press("helpful " + ENTRY + " 510559 403", "0a1b2c3d-0000-4000-8000-000000000001", "Ana Ops");
        JsonNode card = press("not-helpful " + ENTRY + " 510559 403", "0A1B2C3D-0000-4000-8000-000000000001",
                "Ana Ops");
        assertThat(card.toString()).contains("So far 0 helpful, 1 not helpful.");

        press("helpful " + ENTRY + " 510559 403", "0a1b2c3d-0000-4000-8000-000000000002", "Ben Voice");

        assertThat(feedback.tally(TENANT, ENTRY)).isEqualTo(new Tally(ENTRY, 1, 1));
        assertThat(feedback.voteOf(TENANT, ENTRY, "0a1b2c3d-0000-4000-8000-000000000001").orElseThrow().vote())
                .isEqualTo(Vote.NOT_HELPFUL);
        // Pressing the same vote again is not counted again; a changed vote is.
        assertThat(usage.lastDays(TENANT, 1).feedback()).isEqualTo(Map.of(Vote.HELPFUL, 2L, Vote.NOT_HELPFUL, 1L));
    }

    @Test
    void aCodeTheCatalogDoesNotListIsVotedOnByItsPair() {
        turn(Activities.personal("999999 403"));
        JsonNode part = feedbackPart(cards(adapter.messages().get(0)).get(0));
        String text = buttons(part).get(1).path("data").path("text").asText();
        assertThat(text).isEqualTo("not-helpful 999999-403 999999 403");

        press(text, "0a1b2c3d-0000-4000-8000-000000000001", "Ana Ops");

        assertThat(feedback.tally(TENANT, "999999-403")).isEqualTo(new Tally("999999-403", 0, 1));
    }

    @Test
    void aClientWithoutActionExecuteVotesThroughTheSubmitFallbackAndTheCardIsUpdated() {
        Activity submit = Activities.personal("");
        submit.setText(null);
        submit.setReplyToId("card-1");
        submit.setValue(Map.of("verb", "feedback", "text", "helpful " + ENTRY + " 510559 403"));

        turn(submit);

        assertThat(adapter.updated).singleElement().satisfies(update -> assertThat(cards(update).get(0).toString())
                .contains("your vote (Helpful) is in"));
        assertThat(feedback.tally(TENANT, ENTRY).helpful()).isEqualTo(1);
    }

    @Test
    void eachCardOfACarouselHasItsButtonsButSummariesAndHelpHaveNone() {
        turn(Activities.personal("510559 403\n560403 403\n511404 404\n560408 408"));
        assertThat(cards(adapter.messages().get(0))).hasSize(4).allSatisfy(card ->
                assertThat(feedbackPart(card)).isNotNull());
        adapter.sent.clear();

        turn(Activities.personal(String.join("\n", "510559 403", "560403 403", "510562 403", "511404 404",
                "560408 408", "560484 484", "531052 488", "560503 503", "549002 504", "569008 504", "560486 486")));
        turn(Activities.personal("help"));

        assertThat(adapter.messages()).hasSize(2).allSatisfy(m -> assertThat(cards(m)).singleElement()
                .satisfies(card -> assertThat(feedbackPart(card)).isNull()));
    }

    @Test
    void aForgedButtonIsToldNotCounted() {
        JsonNode card = press("helpful ../../etc 510559 403", "0a1b2c3d-0000-4000-8000-000000000001", "Ana Ops");

        assertThat(card.toString()).contains("no vote was taken");
        assertThat(store.entries("feedback/").count()).isZero();
    }
}
