package dev.callcodes.bot.team;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.callcodes.bot.chat.FeedbackCommand;
import dev.callcodes.cards.Card;
import dev.callcodes.cards.template.Template;
import dev.callcodes.cards.template.TemplateException;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;

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

    private final Template feedback = template(FEEDBACK);

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

    /** The card with the feedback part; {@code voteNote} (a vote taken) above the buttons when not null. */
    Card withFeedback(Card card, String entryId, String codes, String voteNote) {
        FeedbackData data = new FeedbackData(FeedbackCommand.argument(true, entryId, codes),
                FeedbackCommand.argument(false, entryId, codes), voteNote != null, voteNote == null ? "" : voteNote);
        ObjectNode content = card.content().deepCopy();
        JsonNode body = content.path("body");
        ArrayNode items = body instanceof ArrayNode array ? array : content.putArray("body");
        items.add(feedback.expand(JSON.valueToTree(data)));
        return new Card(card.template(), content, card.summary());
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
