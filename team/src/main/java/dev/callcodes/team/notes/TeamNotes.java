package dev.callcodes.team.notes;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.callcodes.store.ConflictException;
import dev.callcodes.store.ConflictRetry;
import dev.callcodes.store.DocumentStore;
import dev.callcodes.store.Entry;
import dev.callcodes.store.Expiry;
import dev.callcodes.store.JsonDocuments;
import dev.callcodes.store.Keys;
import dev.callcodes.store.Versioned;
import dev.callcodes.team.CodePair;
import dev.callcodes.team.Tenants;
import dev.callcodes.team.TextRules;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Team notes per tenant and code pair: what a voice team knows about a code that no public page says.
 *
 * <p>The notes of one pair are one document ({@code notes/TENANT/PAIR}), so a card reads them in one request;
 * every change is a replace-if-version with retries, so concurrent edits from several instances all land. Before a
 * version is replaced, it is kept as its own document ({@code note-versions/TENANT/PAIR/NOTE/REVISION}, written
 * create-if-absent: every writer that read revision n writes the same document n, so a retry or a crash between the
 * two writes never loses or duplicates a version).
 */
public final class TeamNotes {

    public static final int MAX_TEXT = 2000;
    public static final int MAX_NOTES_PER_PAIR = 50;
    static final String NOTES = "notes/";
    static final String VERSIONS = "note-versions/";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JsonDocuments<PairNotes> pairs;
    private final JsonDocuments<NoteVersion> versions;
    private final NoteEditors editors;
    private final Clock clock;
    private final ConflictRetry retry;

    public TeamNotes(DocumentStore store, NoteEditors editors, Clock clock, ConflictRetry retry) {
        this.pairs = new JsonDocuments<>(store, PairNotes.class, retry);
        this.versions = new JsonDocuments<>(store, NoteVersion.class, retry);
        this.editors = editors;
        this.clock = clock;
        this.retry = retry;
    }

    /** The stored form of one pair's notes. */
    record PairNotes(List<Note> notes) {
        PairNotes {
            notes = notes == null ? List.of() : List.copyOf(notes);
        }

        @JsonIgnore
        Optional<Note> find(String id) {
            return notes.stream().filter(n -> n.id().equals(id)).findFirst();
        }

        PairNotes with(Note changed) {
            List<Note> list = new ArrayList<>(notes);
            list.replaceAll(n -> n.id().equals(changed.id()) ? changed : n);
            if (list.stream().noneMatch(n -> n.id().equals(changed.id()))) {
                list.add(changed);
            }
            return new PairNotes(list);
        }

        PairNotes without(String id) {
            return new PairNotes(notes.stream().filter(n -> !n.id().equals(id)).toList());
        }
    }

    /** A note with the tenant and pair it belongs to (exports, listings). */
    public record PairNote(String tenantId, CodePair pair, Note note) {
    }

    /** What an import did with one note. */
    public enum Imported { ADDED, UPDATED, UNCHANGED }

    public boolean mayEdit(Author author) {
        return editors.mayEdit(author);
    }

    public NoteEditors editors() {
        return editors;
    }

    /** The pair's notes in this tenant, oldest first. */
    public List<Note> notes(String tenantId, CodePair pair) {
        return pairs.read(key(tenantId, pair)).map(v -> v.value().notes()).orElse(List.of());
    }

    /**
     * Adds a note.
     *
     * @throws TextRules.TextRejected empty, over {@value #MAX_TEXT} characters, or with control characters
     * @throws NoteException          not an editor, or the pair has {@value #MAX_NOTES_PER_PAIR} notes
     */
    public Note add(String tenantId, CodePair pair, Author author, String text) {
        requireEditor(author);
        String checked = TextRules.plainText("The note", text, MAX_TEXT);
        Instant now = clock.instant();
        Note note = new Note(newId(), checked, author, now, author, now, 1);
        pairs.update(key(tenantId, pair), () -> new PairNotes(List.of()), current -> {
            if (current.notes().size() >= MAX_NOTES_PER_PAIR) {
                throw new NoteException(NoteException.Reason.TOO_MANY_NOTES, "This code pair already has "
                        + MAX_NOTES_PER_PAIR + " notes: edit or remove one first");
            }
            return current.with(note);
        }, Expiry.NEVER);
        return note;
    }

    /** Replaces a note's text, keeping the version it replaces. */
    public Note edit(String tenantId, CodePair pair, String noteId, Author editor, String text) {
        requireEditor(editor);
        String checked = TextRules.plainText("The note", text, MAX_TEXT);
        String key = key(tenantId, pair);
        return retry.run(() -> {
            Versioned<PairNotes> current = pairs.read(key).orElseThrow(() -> noSuchNote(noteId));
            Note note = current.value().find(noteId).orElseThrow(() -> noSuchNote(noteId));
            if (note.text().equals(checked)) {
                return note;
            }
            keep(tenantId, pair, note, false, null);
            Note edited = note.edit(checked, editor, clock.instant());
            pairs.replace(key, current.value().with(edited), current.version(), Expiry.NEVER);
            return edited;
        });
    }

    /** Removes a note; its last version and the removal stay in the history. */
    public void remove(String tenantId, CodePair pair, String noteId, Author editor) {
        requireEditor(editor);
        String key = key(tenantId, pair);
        Note removed = retry.run(() -> {
            Versioned<PairNotes> current = pairs.read(key).orElseThrow(() -> noSuchNote(noteId));
            Note note = current.value().find(noteId).orElseThrow(() -> noSuchNote(noteId));
            keep(tenantId, pair, note, false, null);
            pairs.replace(key, current.value().without(noteId), current.version(), Expiry.NEVER);
            return note;
        });
        keep(tenantId, pair, removed, true, editor);
    }

    /** Earlier versions of a note (and its removal, if removed), oldest first; the current text is not among them. */
    public List<NoteVersion> history(String tenantId, CodePair pair, String noteId) {
        Optional<Note> current = notes(tenantId, pair).stream().filter(n -> n.id().equals(noteId)).findFirst();
        return versions.readAll(versionsPrefix(tenantId, pair, noteId)).map(Versioned::value)
                .filter(v -> current.isEmpty() || v.revision() < current.get().revision())
                .toList();
    }

    /** Every note of the tenant, by pair. */
    public Stream<PairNote> all(String tenantId) {
        String tenant = Tenants.key(tenantId);
        return pairs.readAll(NOTES + tenant + "/").flatMap(v -> {
            CodePair pair = CodePair.fromKey(v.key().substring(v.key().lastIndexOf('/') + 1));
            return v.value().notes().stream().map(note -> new PairNote(tenant, pair, note));
        });
    }

    /** The tenants that have notes. */
    public List<String> tenants() {
        TreeSet<String> tenants = new TreeSet<>();
        pairs.store().entries(NOTES).map(Entry::key).forEach(k -> tenants.add(k.split("/")[1]));
        return List.copyOf(tenants);
    }

    /**
     * Brings in a note from an export: added with its id, author and dates when the pair has no note with that id;
     * otherwise edited by {@code importer} when the text differs. Editing rights do not apply (the command line is
     * run by whoever runs the app).
     */
    public Imported importNote(String tenantId, CodePair pair, Note fromFile, Author importer) {
        Keys.segment("the note id", fromFile.id());
        String checked = TextRules.plainText("The note", fromFile.text(), MAX_TEXT);
        String key = key(tenantId, pair);
        Optional<Note> existing = notes(tenantId, pair).stream().filter(n -> n.id().equals(fromFile.id())).findFirst();
        if (existing.isPresent()) {
            if (existing.get().text().equals(checked)) {
                return Imported.UNCHANGED;
            }
            edit(tenantId, pair, fromFile.id(), importer, checked);
            return Imported.UPDATED;
        }
        int revision = 1 + versions.readAll(versionsPrefix(tenantId, pair, fromFile.id()))
                .mapToInt(v -> v.value().revision()).max().orElse(0);
        Instant now = clock.instant();
        Note note = new Note(fromFile.id(), checked, fromFile.author(),
                fromFile.created() == null ? now : fromFile.created(),
                fromFile.editedBy() == null ? fromFile.author() : fromFile.editedBy(),
                fromFile.edited() == null ? now : fromFile.edited(), revision);
        Imported[] outcome = {Imported.ADDED};
        pairs.update(key, () -> new PairNotes(List.of()), current -> {
            Optional<Note> raced = current.find(note.id());
            outcome[0] = raced.isPresent() ? Imported.UNCHANGED : Imported.ADDED;
            return raced.isPresent() ? current : current.with(note);
        }, Expiry.NEVER);
        return outcome[0];
    }

    private void keep(String tenantId, CodePair pair, Note note, boolean removal, Author remover) {
        NoteVersion version = removal
                ? new NoteVersion(note.id(), note.revision() + 1, "", remover, clock.instant(), true)
                : new NoteVersion(note.id(), note.revision(), note.text(), note.editedBy(), note.edited(), false);
        try {
            versions.create(versionsPrefix(tenantId, pair, note.id()) + "%06d".formatted(version.revision()), version,
                    Expiry.NEVER);
        } catch (ConflictException alreadyKept) {
            // another writer (or an earlier attempt) kept this very version
        }
    }

    private void requireEditor(Author author) {
        if (!editors.mayEdit(author)) {
            throw new NoteException(NoteException.Reason.NOT_AN_EDITOR, "Only the people your admins listed may"
                    + " change team notes here; ask one of them");
        }
    }

    private static NoteException noSuchNote(String noteId) {
        return new NoteException(NoteException.Reason.NO_SUCH_NOTE, "That note is no longer there: someone may have"
                + " removed it");
    }

    private static String key(String tenantId, CodePair pair) {
        return NOTES + Tenants.key(tenantId) + "/" + pair.key();
    }

    private static String versionsPrefix(String tenantId, CodePair pair, String noteId) {
        return VERSIONS + Tenants.key(tenantId) + "/" + pair.key() + "/" + Keys.segment("the note id", noteId) + "/";
    }

    private static String newId() {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
