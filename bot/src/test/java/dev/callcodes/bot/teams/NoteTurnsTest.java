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
                        () -> mock(HttpClient.class), FileTransfers.TEAMS_LINKS, Duration.ofSeconds(5)), 1024 * 1024),
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
        return press(data, aad, name);
    }

    /** "Save change" under a note's "Edit": the button names its form's field, as the card sends it. */
    private JsonNode edit(String noteId, String text, String aad, String name) {
        Map<String, Object> data = new HashMap<>();
        data.put("text", "edit dr-510559-403 " + noteId + " 510559 403");
        data.put("form", "note-" + noteId);
        if (text != null) {
            data.put("note-" + noteId, text);
        }
        return press(data, aad, name);
    }

    private JsonNode remove(String noteId, String aad, String name) {
        return press(Map.of("text", "remove dr-510559-403 " + noteId + " 510559 403"), aad, name);
    }

    /** The buttons a note's part of the card has: the edit form's action data and the remove action's data. */
    private static JsonNode noteActions(JsonNode card, int note) {
        return part(card, "team-notes").path("items").get(1 + note).path("items").get(2).path("actions");
    }

    private JsonNode press(Map<String, Object> data, String aad, String name) {
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

    /** A question's reply is kept by its text (RecentReplies): its cards must come out unchanged by the team parts. */
    @Test
    void aQuestionAskedAgainShowsTheNotesOfItsTenantAsTheyAreNow() {
        start(NoteEditors.everyone());
        String otherTenant = "99999999-0000-4000-8000-000000000000";
        JsonNode before = answerCard(TENANT);

        save("sbc-lab maintenance window", ANA, "Ana Ops");
        JsonNode after = answerCard(TENANT);
        JsonNode elsewhere = answerCard(otherTenant);
        JsonNode again = answerCard(TENANT);

        assertThat(part(before, "team-notes").toString()).doesNotContain("maintenance window");
        assertThat(part(after, "team-notes").toString()).contains("maintenance window");
        assertThat(part(elsewhere, "team-notes").toString()).doesNotContain("maintenance window");
        assertThat(again).isEqualTo(after);
        assertThat(again.path("body").findValues("id").stream().filter(id -> id.asText().equals("team-notes")))
                .hasSize(1);
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

    @Test
    void eachNoteHasEditPrefilledWithItsTextAndRemoveButtonsThatSendItsId() {
        start(NoteEditors.everyone());
        JsonNode card = save("sbc-lab maintenance", ANA, "Ana Ops");
        String id = notes.notes(TENANT, PAIR).get(0).id();

        JsonNode actions = noteActions(card, 0);

        assertThat(actions.get(0).path("title").asText()).isEqualTo("Edit");
        JsonNode form = actions.get(0).path("card");
        assertThat(form.path("body").get(0).path("id").asText()).isEqualTo("note-" + id);
        assertThat(form.path("body").get(0).path("value").asText()).isEqualTo("sbc-lab maintenance");
        assertThat(form.path("actions").get(0).path("verb").asText()).isEqualTo("note");
        assertThat(form.path("actions").get(0).path("data").path("text").asText())
                .isEqualTo("edit dr-510559-403 " + id + " 510559 403");
        assertThat(actions.get(1).path("title").asText()).isEqualTo("Remove");
        assertThat(actions.get(1).path("data").path("text").asText())
                .isEqualTo("remove dr-510559-403 " + id + " 510559 403");
    }

    @Test
    void anEditedNoteShowsItsNewTextOnTheRefreshedCardAndKeepsTheOldOne() {
        start(NoteEditors.everyone());
        save("sbc-lab maintenance", ANA, "Ana Ops");
        String id = notes.notes(TENANT, PAIR).get(0).id();
        clock.advance(Duration.ofDays(1));

        JsonNode refreshed = edit(id, "sbc-lab maintenance, 02:00 to 03:00 **UTC** ${$root}", BEN, "Ben Voice");

        assertThat(refreshed.toString()).contains("Saved your change to the team note on 510559 / SIP 403");
        JsonNode note = part(refreshed, "team-notes").path("items").get(1);
        assertThat(note.path("items").get(0).path("inlines").get(0).path("text").asText())
                .isEqualTo("sbc-lab maintenance, 02:00 to 03:00 **UTC** ${$root}");
        assertThat(note.path("items").get(1).path("inlines").get(0).path("text").asText())
                .isEqualTo("Ana Ops, 1 Dec 2026 (edited by Ben Voice, 2 Dec 2026)");
        assertThat(noteActions(refreshed, 0).get(0).path("card").path("body").get(0).path("value").asText())
                .isEqualTo("sbc-lab maintenance, 02:00 to 03:00 **UTC** ${$root}");
        assertThat(notes.history(TENANT, PAIR, id)).extracting(v -> v.text()).containsExactly("sbc-lab maintenance");
    }

    @Test
    void aRemovedNoteIsGoneFromTheRefreshedCardAndLaterAnswers() {
        start(NoteEditors.everyone());
        save("first", ANA, "Ana Ops");
        save("second", ANA, "Ana Ops");
        String first = notes.notes(TENANT, PAIR).get(0).id();

        JsonNode refreshed = remove(first, BEN, "Ben Voice");

        assertThat(refreshed.toString()).contains("Removed the team note on 510559 / SIP 403");
        JsonNode section = part(refreshed, "team-notes");
        assertThat(section.toString()).doesNotContain("\"first\"").contains("\"second\"");
        assertThat(notes.notes(TENANT, PAIR)).extracting(n -> n.text()).containsExactly("second");
        assertThat(part(answerCard(TENANT), "team-notes").toString()).doesNotContain("\"first\"");

        remove(notes.notes(TENANT, PAIR).get(0).id(), ANA, "Ana Ops");
        assertThat(part(answerCard(TENANT), "team-notes").toString()).doesNotContain("Team notes")
                .contains("Add a team note");
    }

    @Test
    void withNoteEditorsSetOthersMayNeitherEditNorRemoveAndAreToldWhy() {
        start(NoteEditors.parse(ANA));
        save("from Ana", ANA, "Ana Ops");
        String id = notes.notes(TENANT, PAIR).get(0).id();

        assertThat(edit(id, "from Ben", BEN, "Ben Voice").toString()).contains("Note not changed: Only the people");
        assertThat(remove(id, BEN, "Ben Voice").toString()).contains("Note not removed: Only the people")
                .contains("from Ana");

        assertThat(notes.notes(TENANT, PAIR)).extracting(n -> n.text()).containsExactly("from Ana");
        assertThat(edit(id, "from Ana, edited", ANA, "Ana Ops").toString()).contains("Saved your change");
    }

    @Test
    void anUnknownNoteIdIsToldOnTheCardNotThrown() {
        start(NoteEditors.everyone());
        save("kept", ANA, "Ana Ops");

        assertThat(edit("ffffffffffff", "new text", ANA, "Ana Ops").toString())
                .contains("Note not changed: That note is no longer there");
        assertThat(remove("ffffffffffff", ANA, "Ana Ops").toString())
                .contains("Note not removed: That note is no longer there").contains("kept");
        // Not a key at all (a forged button): still a notice on the card.
        assertThat(remove("../Evil", ANA, "Ana Ops").toString()).contains("Note not removed: That note is no longer there");
        assertThat(notes.notes(TENANT, PAIR)).extracting(n -> n.text()).containsExactly("kept");
    }

    @Test
    void anEmptyOrTooLongEditIsRefusedWithTheReasonAndTheNoteKept() {
        start(NoteEditors.everyone());
        save("kept", ANA, "Ana Ops");
        String id = notes.notes(TENANT, PAIR).get(0).id();

        assertThat(edit(id, "  ", ANA, "Ana Ops").toString()).contains("Note not changed: The note is empty");
        assertThat(edit(id, null, ANA, "Ana Ops").toString()).contains("Note not changed: The note is empty");
        assertThat(edit(id, "x".repeat(TeamNotes.MAX_TEXT + 1), ANA, "Ana Ops").toString())
                .contains("Note not changed: The note has 2001 characters; the most is 2000");
        assertThat(notes.notes(TENANT, PAIR)).extracting(n -> n.text()).containsExactly("kept");
    }

    @Test
    void theSubmitFallbackOfSaveChangeReadsTheFieldItNames() {
        start(NoteEditors.everyone());
        save("old text", ANA, "Ana Ops");
        String id = notes.notes(TENANT, PAIR).get(0).id();
        Activity click = Activities.personal(null);
        click.setReplyToId("card-message-7");
        // A stray "note" field (the add form's) must not be taken for the edit form's text.
        click.setValue(Map.of("verb", "note", "text", "edit dr-510559-403 " + id + " 510559 403",
                "form", "note-" + id, "note-" + id, "new text", "note", "not this"));
        ChannelAccount from = new ChannelAccount("29:Ana", "Ana Ops");
        from.setAadObjectId(ANA);
        click.setFrom(from);
        adapter.sent.clear();

        turn(click, TENANT);

        assertThat(adapter.updated).singleElement().satisfies(update ->
                assertThat(cards(update).get(0).toString()).contains("Saved your change").contains("new text"));
        assertThat(notes.notes(TENANT, PAIR)).extracting(n -> n.text()).containsExactly("new text");
    }
}
