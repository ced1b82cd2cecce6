package dev.callcodes.team.notes;

import java.time.Instant;

/**
 * One earlier version of a note: its text at {@code revision} and who wrote it then. A removal is recorded as a last
 * version with {@code removed} set and the remover as {@code by}.
 */
public record NoteVersion(String noteId, int revision, String text, Author by, Instant at, boolean removed) {
}
