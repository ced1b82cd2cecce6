package dev.callcodes.team.notes;

import dev.callcodes.store.ConflictRetry;
import dev.callcodes.store.MutableClock;
import dev.callcodes.store.embedded.FileDocumentStore;
import dev.callcodes.team.CodePair;
import dev.callcodes.team.TextRules;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TeamNotesTest {

    static final String CONTOSO = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    static final String FABRIKAM = "0b4f1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d";
    static final CodePair NO_ROUTE = new CodePair("510559", 403);
    static final Author ANA = new Author("11111111-1111-1111-1111-111111111111", "Ana Voice");
    static final Author BEN = new Author("22222222-2222-2222-2222-222222222222", "Ben Desk");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock();
    private FileDocumentStore store;
    private TeamNotes notes;

    @BeforeEach
    void open() {
        store = FileDocumentStore.open(dir, clock);
        notes = new TeamNotes(store, NoteEditors.everyone(), clock, ConflictRetry.DEFAULT);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aNoteIsSavedForThePairInTheTenantWithAuthorAndDate() {
        Note note = notes.add(CONTOSO, NO_ROUTE, ANA, "  The international policy is missing: ask the service desk.\r\n");
        assertThat(note.text()).isEqualTo("The international policy is missing: ask the service desk.");
        assertThat(note.author()).isEqualTo(ANA);
        assertThat(note.created()).isEqualTo(clock.instant());
        assertThat(note.revision()).isEqualTo(1);
        assertThat(notes.notes(CONTOSO, NO_ROUTE)).containsExactly(note);
        assertThat(notes.notes(CONTOSO, new CodePair("510559", 404))).isEmpty();
    }

    @Test
    void notesNeverCrossTenants() {
        notes.add(CONTOSO, NO_ROUTE, ANA, "Contoso only");
        assertThat(notes.notes(FABRIKAM, NO_ROUTE)).isEmpty();
        assertThat(notes.all(FABRIKAM).toList()).isEmpty();
        String id = notes.notes(CONTOSO, NO_ROUTE).get(0).id();
        assertThatThrownBy(() -> notes.edit(FABRIKAM, NO_ROUTE, id, BEN, "hijack"))
                .isInstanceOfSatisfying(NoteException.class,
                        e -> assertThat(e.reason()).isEqualTo(NoteException.Reason.NO_SUCH_NOTE));
        assertThatThrownBy(() -> notes.notes(CONTOSO + "/../" + FABRIKAM, NO_ROUTE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(notes.tenants()).containsExactly(CONTOSO);
    }

    @Test
    void editingKeepsEveryEarlierVersion() {
        Note first = notes.add(CONTOSO, NO_ROUTE, ANA, "Version one");
        clock.advance(Duration.ofHours(1));
        Note second = notes.edit(CONTOSO, NO_ROUTE, first.id(), BEN, "Version two");
        clock.advance(Duration.ofHours(1));
        Note third = notes.edit(CONTOSO, NO_ROUTE, first.id(), ANA, "Version three");
        assertThat(third.revision()).isEqualTo(3);
        assertThat(third.author()).isEqualTo(ANA);
        assertThat(third.editedBy()).isEqualTo(ANA);
        assertThat(second.editedBy()).isEqualTo(BEN);
        assertThat(notes.history(CONTOSO, NO_ROUTE, first.id())).extracting(NoteVersion::text, NoteVersion::by)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Version one", ANA),
                        org.assertj.core.groups.Tuple.tuple("Version two", BEN));
        assertThat(notes.edit(CONTOSO, NO_ROUTE, first.id(), BEN, "Version three")).isEqualTo(third);
    }

    @Test
    void removingANoteKeepsItsVersionsAndWhoRemovedIt() {
        Note note = notes.add(CONTOSO, NO_ROUTE, ANA, "Maintenance window 02:00");
        notes.edit(CONTOSO, NO_ROUTE, note.id(), ANA, "Maintenance window 02:00 to 03:00");
        notes.remove(CONTOSO, NO_ROUTE, note.id(), BEN);
        assertThat(notes.notes(CONTOSO, NO_ROUTE)).isEmpty();
        List<NoteVersion> history = notes.history(CONTOSO, NO_ROUTE, note.id());
        assertThat(history).extracting(NoteVersion::text).containsExactly("Maintenance window 02:00",
                "Maintenance window 02:00 to 03:00", "");
        assertThat(history.get(2).removed()).isTrue();
        assertThat(history.get(2).by()).isEqualTo(BEN);
        assertThatThrownBy(() -> notes.remove(CONTOSO, NO_ROUTE, note.id(), BEN)).isInstanceOf(NoteException.class);
    }

    @Test
    void onlyListedEditorsMayChangeNotesWhenTheListIsSet() {
        Note note = notes.add(CONTOSO, NO_ROUTE, BEN, "by Ben, before the list");
        TeamNotes restricted = new TeamNotes(store, NoteEditors.parse(" " + ANA.objectId().toUpperCase() + " ,"),
                clock, ConflictRetry.DEFAULT);
        assertThat(restricted.mayEdit(ANA)).isTrue();
        assertThat(restricted.mayEdit(BEN)).isFalse();
        for (Runnable change : List.<Runnable>of(
                () -> restricted.add(CONTOSO, NO_ROUTE, BEN, "x"),
                () -> restricted.edit(CONTOSO, NO_ROUTE, note.id(), BEN, "x"),
                () -> restricted.remove(CONTOSO, NO_ROUTE, note.id(), BEN))) {
            assertThatThrownBy(change::run).isInstanceOfSatisfying(NoteException.class,
                    e -> assertThat(e.reason()).isEqualTo(NoteException.Reason.NOT_AN_EDITOR));
        }
        restricted.edit(CONTOSO, NO_ROUTE, note.id(), ANA, "edited by Ana");
        assertThat(restricted.notes(CONTOSO, NO_ROUTE).get(0).text()).isEqualTo("edited by Ana");
    }

    @Test
    void theEditorListNamesABadValue() {
        assertThat(NoteEditors.parse("").everyoneMayEdit()).isTrue();
        assertThat(NoteEditors.parse(null).everyoneMayEdit()).isTrue();
        assertThatThrownBy(() -> NoteEditors.parse(ANA.objectId() + ",ana@contoso.com"))
                .hasMessageContaining("CALLCODES_NOTE_EDITORS").hasMessageContaining("'ana@contoso.com'");
    }

    @Test
    void textIsPlainAndAtMost2000Characters() {
        String emoji = "\uD83D\uDCDE"; // one character, two UTF-16 units
        assertThat(notes.add(CONTOSO, NO_ROUTE, ANA, emoji.repeat(2000)).text().codePointCount(0, 4000))
                .isEqualTo(2000);
        assertThatThrownBy(() -> notes.add(CONTOSO, NO_ROUTE, ANA, "x".repeat(2001)))
                .isInstanceOf(TextRules.TextRejected.class).hasMessage("The note has 2001 characters; the most is 2000");
        assertThatThrownBy(() -> notes.add(CONTOSO, NO_ROUTE, ANA, "  \n ")).hasMessageContaining("empty");
        assertThatThrownBy(() -> notes.add(CONTOSO, NO_ROUTE, ANA, "bell\u0007")).hasMessageContaining("U+0007");
        String markup = "**bold** <b>html</b> ${root} [link](https://example.com)";
        assertThat(notes.add(CONTOSO, NO_ROUTE, ANA, markup).text()).isEqualTo(markup);
    }

    @Test
    void aPairHoldsAtMostFiftyNotes() {
        for (int i = 0; i < TeamNotes.MAX_NOTES_PER_PAIR; i++) {
            notes.add(CONTOSO, NO_ROUTE, ANA, "note " + i);
        }
        assertThatThrownBy(() -> notes.add(CONTOSO, NO_ROUTE, ANA, "one more"))
                .isInstanceOfSatisfying(NoteException.class,
                        e -> assertThat(e.reason()).isEqualTo(NoteException.Reason.TOO_MANY_NOTES));
    }

    /** Note ids are random hex digits: some read as YAML numbers unless quoted (seen once in StateCommandsTest). */
    @Test
    void idsThatLookLikeNumbersComeBackAsWritten() throws Exception {
        List<String> ids = List.of("98224085240000e16", "123456789012", "1e5", "0x1f", "12:30", ".5", "abcdef012345");
        List<TeamNotes.PairNote> written = ids.stream().map(id -> new TeamNotes.PairNote(CONTOSO, NO_ROUTE,
                new Note(id, "text of " + id, ANA, clock.instant(), ANA, clock.instant(), 1))).toList();
        NotesFile.Read read = NotesFile.read(new StringReader(NotesFile.write(written)));
        assertThat(read.problems()).isEmpty();
        assertThat(read.notes()).extracting(note -> note.note().id()).containsExactlyElementsOf(ids);
    }

    @Test
    void exportAndImportRoundTripThroughYaml() throws Exception {
        Note one = notes.add(CONTOSO, NO_ROUTE, ANA, "Line one\nLine two: with a colon");
        notes.add(CONTOSO, new CodePair("560503", null), BEN, "sbc-lab maintenance at 02:00");
        notes.add(FABRIKAM, NO_ROUTE, BEN, "Fabrikam's own");
        String yaml = NotesFile.write(Stream.concat(notes.all(CONTOSO), notes.all(FABRIKAM)).toList());
        assertThat(yaml).startsWith("# CallCodes team notes").contains("microsoftCode: \"510559\"")
                .contains("text: |-\n    Line one\n    Line two: with a colon");

        try (FileDocumentStore other = FileDocumentStore.open(dir.resolve("other"), clock)) {
            TeamNotes target = new TeamNotes(other, NoteEditors.everyone(), clock, ConflictRetry.DEFAULT);
            NotesFile.Read read = NotesFile.read(new StringReader(yaml));
            assertThat(read.problems()).isEmpty();
            for (NotesFile.FileNote note : read.notes()) {
                assertThat(target.importNote(note.tenantId(), note.pair(), note.note(), new Author("", "import")))
                        .isEqualTo(TeamNotes.Imported.ADDED);
            }
            assertThat(target.notes(CONTOSO, NO_ROUTE)).containsExactly(one);
            assertThat(target.tenants()).containsExactlyInAnyOrder(CONTOSO, FABRIKAM);

            String edited = yaml.replace("Line two: with a colon", "Line two, edited in the repository");
            List<TeamNotes.Imported> outcomes = NotesFile.read(new StringReader(edited)).notes().stream()
                    .map(n -> target.importNote(n.tenantId(), n.pair(), n.note(), new Author("", "notes import")))
                    .toList();
            assertThat(outcomes).containsExactly(TeamNotes.Imported.UPDATED, TeamNotes.Imported.UNCHANGED,
                    TeamNotes.Imported.UNCHANGED);
            Note updated = target.notes(CONTOSO, NO_ROUTE).get(0);
            assertThat(updated.revision()).isEqualTo(2);
            assertThat(updated.editedBy().name()).isEqualTo("notes import");
            assertThat(target.history(CONTOSO, NO_ROUTE, one.id())).extracting(NoteVersion::text)
                    .containsExactly(one.text());
        }
    }

    @Test
    void anImportNamesEveryNoteItCannotUse() throws Exception {
        String yaml = Files.readString(Path.of("src/test/resources/notes/problems.yaml"));
        NotesFile.Read read = NotesFile.read(new StringReader(yaml));
        assertThat(read.notes()).hasSize(1);
        assertThat(read.problems()).containsExactly(
                "note 2 (id b2): 'tenant' is missing",
                "note 3 (id c3): The note has 2001 characters; the most is 2000",
                "note 4 (id d4): a Microsoft code is 1 to 10 digits, not '51055x'",
                "note 5 (id e5): sipCode 'forbidden' is not a number",
                "note 6: not a note (a map with tenant, microsoftCode, sipCode, id, text)");
        assertThatThrownBy(() -> NotesFile.read(new StringReader("notes: [unclosed")))
                .hasMessageContaining("not YAML");
        assertThatThrownBy(() -> NotesFile.read(new StringReader("other: 1")))
                .hasMessageContaining("no 'notes:' list");
    }
}
