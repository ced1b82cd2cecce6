package dev.callcodes.team.notes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.callcodes.team.CodePair;
import dev.callcodes.team.Tenants;
import dev.callcodes.team.TextRules;

import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Team notes as YAML, so a team can keep them in a repository: {@code notes export} writes this, {@code notes import}
 * reads it. One list, each note with its tenant and pair; the text as a block, so diffs read well.
 */
public final class NotesFile {

    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .stringQuotingChecker(new QuoteNumberLike()).build()
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER))
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /**
     * Jackson quotes plain integers and decimals, but not the other forms YAML 1.1 reads as numbers: a note id of
     * hex digits such as {@code 98224085240000e16} went out bare and came back as the float 9.822408524E16.
     */
    private static final Pattern NUMBER_LIKE = Pattern.compile(
            "[-+]?(\\.[0-9_]+|[0-9][0-9_]*(\\.[0-9_]*)?)([eE][-+]?[0-9]+)?|0x[0-9a-fA-F_]+|[-+]?\\.(inf|Inf|INF)"
                    + "|\\.(nan|NaN|NAN)|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\\.[0-9_]*)?");

    private static final class QuoteNumberLike extends StringQuotingChecker.Default {
        @Override
        public boolean needToQuoteValue(String value) {
            return super.needToQuoteValue(value) || NUMBER_LIKE.matcher(value).matches();
        }
    }

    static final String HEADER = """
            # CallCodes team notes. Edit the text, then: java -jar callcodes-bot.jar notes import --file FILE
            # A note with a new id is added; a changed text becomes a new version of the note with that id.
            """;

    private NotesFile() {
    }

    /** A note of the file, and where it belongs. */
    public record FileNote(String tenantId, CodePair pair, Note note) {
    }

    /** What a file held: the notes that could be read, and one line for each that could not. */
    public record Read(List<FileNote> notes, List<String> problems) {
    }

    public static String write(List<TeamNotes.PairNote> notes) {
        ObjectNode root = YAML.createObjectNode();
        ArrayNode list = root.putArray("notes");
        for (TeamNotes.PairNote pairNote : notes) {
            Note note = pairNote.note();
            ObjectNode item = list.addObject();
            item.put("tenant", pairNote.tenantId());
            if (pairNote.pair().microsoftCode() != null) {
                item.put("microsoftCode", pairNote.pair().microsoftCode());
            }
            if (pairNote.pair().sipCode() != null) {
                item.put("sipCode", pairNote.pair().sipCode());
            }
            item.put("id", note.id());
            item.put("text", note.text());
            item.set("author", author(note.author()));
            item.put("created", note.created().toString());
            item.set("editedBy", author(note.editedBy()));
            item.put("edited", note.edited().toString());
            item.put("revision", note.revision());
        }
        try {
            return HEADER + YAML.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write notes as YAML", e);
        }
    }

    private static ObjectNode author(Author author) {
        ObjectNode node = YAML.createObjectNode();
        node.put("objectId", author.objectId());
        node.put("name", author.name());
        return node;
    }

    /** Reads a file; a note that cannot be used is named (its position and id) with the reason, never dropped silently. */
    public static Read read(Reader reader) throws IOException {
        JsonNode root;
        try {
            root = YAML.readTree(reader);
        } catch (JsonProcessingException e) {
            throw new IOException("the file is not YAML: " + e.getOriginalMessage()
                    + (e.getLocation() != null ? " (line " + e.getLocation().getLineNr() + ")" : ""), e);
        }
        if (root == null || !root.path("notes").isArray()) {
            throw new IOException("the file has no 'notes:' list (write one with notes export)");
        }
        List<FileNote> notes = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int position = 0;
        for (JsonNode item : root.path("notes")) {
            position++;
            try {
                notes.add(note(item));
            } catch (IllegalArgumentException | DateTimeParseException e) {
                String id = item.path("id").asText("");
                problems.add("note " + position + (id.isEmpty() ? "" : " (id " + id + ")") + ": " + e.getMessage());
            }
        }
        return new Read(notes, problems);
    }

    private static FileNote note(JsonNode item) {
        if (!item.isObject()) {
            throw new IllegalArgumentException("not a note (a map with tenant, microsoftCode, sipCode, id, text)");
        }
        String tenant = Tenants.key(required(item, "tenant"));
        String ms = item.hasNonNull("microsoftCode") ? item.get("microsoftCode").asText().strip() : null;
        Integer sip = null;
        if (item.hasNonNull("sipCode")) {
            if (!item.get("sipCode").canConvertToInt()) {
                throw new IllegalArgumentException("sipCode '" + item.get("sipCode").asText() + "' is not a number");
            }
            sip = item.get("sipCode").asInt();
        }
        CodePair pair = new CodePair(ms, sip);
        String id = required(item, "id");
        String text = TextRules.plainText("The note", item.path("text").asText(""), TeamNotes.MAX_TEXT);
        Author author = new Author(item.path("author").path("objectId").asText(""),
                item.path("author").path("name").asText(""));
        Author editedBy = item.has("editedBy") ? new Author(item.path("editedBy").path("objectId").asText(""),
                item.path("editedBy").path("name").asText("")) : null;
        Instant created = item.hasNonNull("created") ? Instant.parse(item.get("created").asText()) : null;
        Instant edited = item.hasNonNull("edited") ? Instant.parse(item.get("edited").asText()) : null;
        return new FileNote(tenant, pair, new Note(id, text, author, created, editedBy, edited,
                item.path("revision").asInt(1)));
    }

    private static String required(JsonNode item, String field) {
        String value = item.path(field).asText("").strip();
        if (value.isEmpty()) {
            throw new IllegalArgumentException("'" + field + "' is missing");
        }
        return value;
    }
}
