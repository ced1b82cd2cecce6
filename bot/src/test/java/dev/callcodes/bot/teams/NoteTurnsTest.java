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
import dev.callcodes.team.CodePair;
import dev.callcodes.team.TeamStats;
import dev.callcodes.team.feedback.Feedback;
import dev.callcodes.team.notes.NoteEditors;
import dev.callcodes.team.notes.TeamNotes;
import dev.callcodes.team.usage.UsageCounts;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static dev.callcodes.bot.teams.Activities.cards;
import static dev.callcodes.bot.teams.Activities.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/** Team notes on answer cards, as bot turns through the SDK pipeline over an embedded store. */
class NoteTurnsTest {

    private static final String TENANT = "8f5a2c1e-0000-4000-8000-00000000c0de";
    private static final String ANA = "0a1b2c3d-0000-4000-8000-000000000001";
    private static final String BEN = "0a1b2c3d-0000-4000-8000-000000000002";
    private static final String ADD = "add dr-510559-403 510559 403";
    private static final CodePair PAIR = new CodePair("510559", 403);
    private static final AnswerCards CARDS = new AnswerCards(Catalog.loadEmbedded());
    private static CallCodes codes;

    @TempDir
    Path data;

    private final MovableClock clock = new MovableClock();
    private FileDocumentStore store;
    private TeamNotes notes;
    private CapturingAdapter adapter;
    private CallCodesBot bot;

    @BeforeAll
    static void loadCatalog() {
        codes = CallCodes.embedded();
    }

    private void start(NoteEditors editors) {
        store = FileDocumentStore.open(data, clock);
        Feedback feedback = new Feedback(store, clock, ConflictRetry.DEFAULT);
        UsageCounts usage = new UsageCounts(store, clock, ConflictRetry.DEFAULT);
        notes = new TeamNotes(store, editors, clock, ConflictRetry.DEFAULT);
        TeamChat team = new TeamChat(new TeamStats(usage, feedback), new StatsCards(codes.catalog()), feedback, usage,
                notes);
        ChatRoutes routes = ChatRoutes.standard(codes, CARDS, WatchUnavailable.of(CARDS), team);
        AnswerMetrics metrics = new AnswerMetrics(new SimpleMeterRegistry());
        Failures failures = new Failures(metrics);
        adapter = new CapturingAdapter();
        adapter.setOnTurnError(new TurnErrorHandler(failures));
        bot = new CallCodesBot(routes, CARDS, new MessageExtension(new CodeQueries(codes), CARDS),
                new MessageAction(routes, CARDS), new ReportUploads(codes, CARDS, new FileTransfers(
                        mock(HttpClient.class), FileTransfers.TEAMS_LINKS, Duration.ofSeconds(5)), 1024 * 1024),
                metrics, failures, false);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    private void turn(Activity activity, String tenant) {
        activity.getConversation().setTenantId(tenant);
        adapter.turn(bot, activity).join();
    }

    private JsonNode save(String note, String aad, String name) {
        Map<String, Object> data = new HashMap<>();
        data.put("text", ADD);
        if (note != null) {
            data.put("note", note);
        }
        Activity invoke = Activities.invoke("adaptiveCard/action", Map.of("action",
                Map.of("type", "Action.Execute", "verb", "note", "data", data)));
        ChannelAccount from = new ChannelAccount("29:" + name, name);
        from.setAadObjectId(aad);
        invoke.setFrom(from);
        adapter.sent.clear();
        turn(invoke, TENANT);
        JsonNode body = tree(adapter.invokeResponse().getBody());
        assertThat(body.path("statusCode").asInt()).isEqualTo(200);
        return body.path("value");
    }

    private static JsonNode part(JsonNode card, String id) {
        for (JsonNode element : card.path("body")) {
            if (id.equals(element.path("id").asText())) {
                return element;
            }
        }
        return null;
    }

    private JsonNode answerCard(String tenant) {
        adapter.sent.clear();
        turn(Activities.personal("510559 403"), tenant);
        return cards(adapter.messages().get(0)).get(0);
    }

    @Test
    void anAnswerWithoutNotesOffersTheFormButNoSection() {
        start(NoteEditors.everyone());

        JsonNode notesPart = part(answerCard(TENANT), "team-notes");

        assertThat(notesPart.toString()).doesNotContain("Team notes").contains("Add a team note");
        JsonNode form = notesPart.path("items").get(0).path("actions").get(0).path("card");
        assertThat(form.path("body").get(0).path("id").asText()).isEqualTo("note");
        assertThat(form.path("body").get(0).path("maxLength").asInt()).isEqualTo(TeamNotes.MAX_TEXT);
        assertThat(form.path("actions").get(0).path("verb").asText()).isEqualTo("note");
        assertThat(form.path("actions").get(0).path("data").path("text").asText()).isEqualTo(ADD);
    }

    @Test
    void aSavedNoteShowsOnTheRefreshedCardAndOnLaterAnswersInTheTenantOnly() {
        start(NoteEditors.everyone());

        JsonNode refreshed = save("  560503 from sbc-lab is the 02:00 maintenance window\r\n", ANA, "Ana Ops");

        assertThat(refreshed.toString()).contains("Saved your team note on 510559 / SIP 403");
        JsonNode section = part(refreshed, "team-notes");
        assertThat(section.path("items").get(0).path("text").asText()).isEqualTo("Team notes");
        JsonNode note = section.path("items").get(1);
        assertThat(note.path("items").get(0).path("inlines").get(0).path("text").asText())
                .isEqualTo("560503 from sbc-lab is the 02:00 maintenance window");
        assertThat(note.path("items").get(1).path("inlines").get(0).path("text").asText())
                .isEqualTo("Ana Ops, 1 Dec 2026");
        assertThat(notes.notes(TENANT, PAIR)).singleElement().satisfies(n ->
                assertThat(n.author().objectId()).isEqualTo(ANA));

        assertThat(part(answerCard(TENANT), "team-notes").toString()).contains("maintenance window");
        assertThat(part(answerCard("99999999-0000-4000-8000-000000000000"), "team-notes").toString())
                .doesNotContain("maintenance window");
    }

    @Test
    void aNoteIsTextNeverMarkupOrATemplate() {
        start(NoteEditors.everyone());
        String hostile = "**bold** [click](https://evil.example) ${$root} <at>everyone</at>";

        JsonNode refreshed = save(hostile, ANA, "Ana Ops");

        JsonNode note = part(refreshed, "team-notes").path("items").get(1);
        assertThat(note.path("items").get(0).path("type").asText()).isEqualTo("RichTextBlock");
        assertThat(note.path("items").get(0).path("inlines").get(0).path("text").asText()).isEqualTo(hostile);
    }

    @Test
    void anEmptyOrTooLongNoteIsRefusedWithTheReason() {
        start(NoteEditors.everyone());

        assertThat(save("   ", ANA, "Ana Ops").toString()).contains("No note saved: The note is empty");
        assertThat(save(null, ANA, "Ana Ops").toString()).contains("No note saved: The note is empty");
        assertThat(save("x".repeat(TeamNotes.MAX_TEXT + 1), ANA, "Ana Ops").toString())
                .contains("No note saved: The note has 2001 characters; the most is 2000");
        assertThat(notes.notes(TENANT, PAIR)).isEmpty();
    }

    @Test
    void withNoteEditorsSetOnlyThoseListedMayAdd() {
        start(NoteEditors.parse(ANA));

        assertThat(save("from Ben", BEN, "Ben Voice").toString()).contains("No note saved: Only the people");
        assertThat(save("from Ana", ANA, "Ana Ops").toString()).contains("Saved your team note");

        assertThat(notes.notes(TENANT, PAIR)).extracting(n -> n.text()).containsExactly("from Ana");
    }
}
