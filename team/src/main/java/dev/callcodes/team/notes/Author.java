package dev.callcodes.team.notes;

/**
 * Who wrote or changed a note: the Entra object id (what {@code CALLCODES_NOTE_EDITORS} lists) and the display name
 * at the time. The command line's imports have an empty object id.
 */
public record Author(String objectId, String name) {

    public Author {
        objectId = objectId == null ? "" : objectId.strip().toLowerCase(java.util.Locale.ROOT);
        name = name == null || name.isBlank() ? "someone" : name.strip();
    }
}
