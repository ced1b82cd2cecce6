package dev.callcodes.bot.team;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.callcodes.bot.chat.FeedbackCommand;
import dev.callcodes.bot.chat.NoteCommand;
import dev.callcodes.cards.Card;
import dev.callcodes.cards.template.Template;
import dev.callcodes.cards.template.TemplateException;
import dev.callcodes.team.notes.Note;

import java.io.IOException;
import java.io.InputStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The team's part of an answer card, from {@code team-cards/feedback.json}: "Helpful" and "Not helpful" (and, on the
 * card refreshed after a vote, the line that says it was taken), added at the end of the card's body.
 */
final class FeedbackCards {

    static final String FEEDBACK = "feedback";
    /** The id of the added container: a card that has it already is not given a second. */
    static final String PART_ID = "team-feedback";
    /** The cards that answer one pair (the answer, the SIP-code and the not-in-the-catalog cards). */
    static final Set<String> ANSWER_TEMPLATES = Set.of("answer", "sip-code", "unlisted");

    private static final ObjectMapper JSON = new ObjectMapper();

    /** At most this many pairs' parts are kept: a few KB each, and a catalog has about a thousand entries. */
    static final int MAX_KEPT_PARTS = 2_048;

    private final Template feedback = template(FEEDBACK);
    private final Template notes = template(NOTES);
    /**
     * The parts of a card whose pair has no notes, by entry and codes: the same for every message that asks about
     * it, and filling them was a sixth of a question's turn. Each card gets copies.
     */
    private final Map<String, List<JsonNode>> partsWithoutNotes = new ConcurrentHashMap<>();
    static final String NOTES = "notes";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /** Teams refuses a card over 28 KB; the notes shown are cut to fit, and the card says how many are not. */
    static final int MAX_CARD_BYTES = 28 * 1024;

    record NoteRow(String text, String byline, String input, String edit, String remove) {
    }

    record NotesData(boolean hasNotes, List<NoteRow> notes, String add, boolean hasHidden, String hidden) {
    }

    record FeedbackData(String helpful, String notHelpful, boolean voted, String voteNote) {
    }

    static boolean hasTeamPart(Card card) {
        for (JsonNode element : card.content().path("body")) {
            if (PART_ID.equals(element.path("id").asText())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The card with its team notes (the person's text, as text runs: never markdown, never a template) and the
     * "Add a team note" form, then the feedback part; {@code notice} (a vote or a note taken) above the buttons.
     */
    Card withTeamParts(Card card, String entryId, String codes, List<Note> pairNotes, String notice) {
        if (pairNotes.isEmpty() && notice == null) {
            return append(card, partsWithoutNotes(entryId, codes));
        }
        List<NoteRow> rows = pairNotes.stream().map(n -> new NoteRow(n.text(), byline(n), NOTE_FIELD + n.id(),
                NoteCommand.editArgument(entryId, n.id(), codes), NoteCommand.removeArgument(entryId, n.id(), codes)))
                .toList();
        // Each note's text is on the card twice (shown, and in its "Edit" form): long notes fill 28 KB quickly.
        for (int shown = rows.size(); ; shown--) {
            // One copy of the card for both parts: each copy was a sixth of the bytes a question allocated.
            Card full = append(card, notesPart(entryId, codes, rows.subList(0, shown), rows.size() - shown),
                    feedbackPart(entryId, codes, notice));
            if (shown == 0 || bytes(full) <= MAX_CARD_BYTES) {
                return full;
            }
        }
    }

    private JsonNode[] partsWithoutNotes(String entryId, String codes) {
        String key = entryId + '\n' + codes;
        List<JsonNode> parts = partsWithoutNotes.get(key);
        if (parts == null) {
            parts = List.of(notesPart(entryId, codes, List.of(), 0), feedbackPart(entryId, codes, null));
            if (partsWithoutNotes.size() < MAX_KEPT_PARTS) {
                partsWithoutNotes.putIfAbsent(key, parts);
            }
        }
        return parts.stream().map(JsonNode::deepCopy).toArray(JsonNode[]::new);
    }

    private JsonNode notesPart(String entryId, String codes, List<NoteRow> shown, int hidden) {
        NotesData data = new NotesData(!shown.isEmpty() || hidden > 0, shown, NoteCommand.argument(entryId, codes),
                hidden > 0, hidden == 0 ? "" : hidden + (hidden == 1 ? " more note is" : " more notes are")
                + " not shown: a card in Teams holds at most 28 KB. Edit or remove one above to make room.");
        return notes.expand(JSON.valueToTree(data));
    }

    /** The prefix of the id of a note's "Edit" field; the bot reads the field the button names. */
    static final String NOTE_FIELD = "note-";

    private static int bytes(Card card) {
        try {
            return JSON.writeValueAsBytes(card.content()).length;
        } catch (IOException e) {
            throw new IllegalStateException("A card could not be written as JSON", e);
        }
    }

    private static String byline(Note note) {
        String by = note.author().name() + ", " + DAY.format(note.created());
        return note.revision() > 1 ? by + " (edited by " + note.editedBy().name() + ", " + DAY.format(note.edited())
                + ")" : by;
    }

    private static Card append(Card card, JsonNode... parts) {
        ObjectNode content = card.content().deepCopy();
        JsonNode body = content.path("body");
        ArrayNode items = body instanceof ArrayNode array ? array : content.putArray("body");
        for (JsonNode part : parts) {
            items.add(part);
        }
        return new Card(card.template(), content, card.summary());
    }

    /** The card with the feedback part; {@code voteNote} (a vote taken) above the buttons when not null. */
    Card withFeedback(Card card, String entryId, String codes, String voteNote) {
        return append(card, feedbackPart(entryId, codes, voteNote));
    }

    private JsonNode feedbackPart(String entryId, String codes, String voteNote) {
        FeedbackData data = new FeedbackData(FeedbackCommand.argument(true, entryId, codes),
                FeedbackCommand.argument(false, entryId, codes), voteNote != null, voteNote == null ? "" : voteNote);
        return feedback.expand(JSON.valueToTree(data));
    }

    private static Template template(String name) {
        String resource = "team-cards/" + name + ".json";
        try (InputStream in = FeedbackCards.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new TemplateException(name, "$", "resource missing from the class path: " + resource);
            }
            return Template.compile(name, JSON.readTree(in));
        } catch (IOException e) {
            throw new TemplateException(name, "$", "not valid JSON: " + e.getMessage());
        }
    }
}
