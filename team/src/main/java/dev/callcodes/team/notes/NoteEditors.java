package dev.callcodes.team.notes;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Who may add, edit and remove notes: everyone in the tenant (the default), or the Entra object ids listed in
 * {@code CALLCODES_NOTE_EDITORS} (comma- or space-separated).
 */
public record NoteEditors(Set<String> objectIds) {

    public static final String VARIABLE = "CALLCODES_NOTE_EDITORS";
    private static final Pattern GUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    public NoteEditors {
        objectIds = Set.copyOf(objectIds);
    }

    public static NoteEditors everyone() {
        return new NoteEditors(Set.of());
    }

    /** Parses the variable's value; blank means everyone. A value that is not a GUID is named in the error. */
    public static NoteEditors parse(String value) {
        Set<String> ids = new TreeSet<>();
        if (value != null) {
            for (String part : value.split("[,;\\s]+")) {
                String id = part.strip().toLowerCase(Locale.ROOT);
                if (id.isEmpty()) {
                    continue;
                }
                if (!GUID.matcher(id).matches()) {
                    throw new IllegalArgumentException(VARIABLE + " lists '" + part.strip() + "', which is not an Entra"
                            + " object id (a GUID such as 00000000-0000-0000-0000-000000000000)");
                }
                ids.add(id);
            }
        }
        return new NoteEditors(ids);
    }

    public boolean everyoneMayEdit() {
        return objectIds.isEmpty();
    }

    public boolean mayEdit(Author author) {
        return everyoneMayEdit() || objectIds.contains(author.objectId());
    }
}
