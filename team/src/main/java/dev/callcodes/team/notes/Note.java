package dev.callcodes.team.notes;

import java.time.Instant;

/**
 * A team note on a code pair, as it is now. {@code revision} counts versions from 1; earlier ones are in
 * {@link TeamNotes#history}.
 */
public record Note(String id, String text, Author author, Instant created, Author editedBy, Instant edited,
                   int revision) {

    Note edit(String newText, Author editor, Instant at) {
        return new Note(id, newText, author, created, editor, at, revision + 1);
    }
}
