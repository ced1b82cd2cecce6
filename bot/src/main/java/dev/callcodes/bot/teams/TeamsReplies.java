package dev.callcodes.bot.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.restclient.serializer.JacksonAdapter;
import com.microsoft.bot.schema.ActionTypes;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.AttachmentLayoutTypes;
import com.microsoft.bot.schema.Attachment;
import com.microsoft.bot.schema.CardAction;
import com.microsoft.bot.schema.ThumbnailCard;
import com.microsoft.bot.schema.teams.MessagingExtensionAttachment;
import com.microsoft.bot.schema.teams.MessagingExtensionResult;
import dev.callcodes.bot.chat.Reply;
import dev.callcodes.cards.AnswerCards;
import dev.callcodes.cards.Card;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The shapes Teams wants: messages, carousels, compose-box results and their list previews. */
final class TeamsReplies {

    private TeamsReplies() {
    }

    static Attachment attachment(Card card) {
        return holding(new Attachment(), card);
    }

    static MessagingExtensionAttachment insertable(Card card) {
        return holding(new MessagingExtensionAttachment(), card);
    }

    private static <T extends Attachment> T holding(T attachment, Card card) {
        attachment.setContentType(Card.CONTENT_TYPE);
        attachment.setContent(card.content());
        return attachment;
    }

    /** One card as a message; two to ten as a carousel, one message so a conversation's rate limit is not hit. */
    static Activity message(Reply reply) {
        List<Attachment> attachments = reply.cards().stream().map(TeamsReplies::attachment).toList();
        Activity activity = attachments.size() == 1
                ? MessageFactory.attachment(attachments.get(0))
                : MessageFactory.carousel(attachments, null);
        activity.setSummary(reply.cards().get(0).summary());
        return activity;
    }

    /**
     * Teams refuses a bot message over about 100 KB, counted in UTF-16 (two bytes a character here), with 413
     * MessageSizeTooBig, and asks bots to stay within 80 KB (Microsoft's "Format your bot messages" page). The
     * whole activity is counted, as the connector receives it.
     */
    static final int MAX_ACTIVITY_UTF16_BYTES = 80 * 1024;

    private static final JacksonAdapter CONNECTOR_JSON = new ConnectorJson();

    /**
     * The activity as Teams can take it: as it is when it fits, else its cards in order over as many messages as
     * needed, each a carousel as full as fits (ten of the catalog's largest cards make about 250 KB in UTF-16). A
     * single card over the limit cannot be split and goes alone.
     */
    static List<Activity> withinSizeLimit(Activity activity) {
        List<Attachment> attachments = activity.getAttachments();
        if (attachments == null || attachments.size() < 2 || utf16Bytes(activity) <= MAX_ACTIVITY_UTF16_BYTES) {
            return List.of(activity);
        }
        List<Activity> parts = new ArrayList<>();
        List<Attachment> current = new ArrayList<>();
        for (Attachment attachment : attachments) {
            current.add(attachment);
            if (current.size() > 1 && utf16Bytes(part(activity, current)) > MAX_ACTIVITY_UTF16_BYTES) {
                current.remove(current.size() - 1);
                parts.add(part(activity, current));
                current = new ArrayList<>(List.of(attachment));
            }
        }
        parts.add(part(activity, current));
        return parts;
    }

    private static Activity part(Activity whole, List<Attachment> attachments) {
        Activity part = Activity.clone(whole);
        part.setAttachments(List.copyOf(attachments));
        part.setAttachmentLayout(attachments.size() > 1 ? AttachmentLayoutTypes.CAROUSEL : whole.getAttachmentLayout());
        return part;
    }

    static int utf16Bytes(Activity activity) {
        try {
            return CONNECTOR_JSON.serialize(activity).length() * 2;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where only one card fits (an in-place update, a compose box): the card itself, or a summary of several. */
    static Card single(Reply reply, AnswerCards cards) {
        if (reply.cards().size() == 1 || reply.answers().isEmpty()) {
            return reply.cards().get(0);
        }
        return cards.summary(reply.answers());
    }

    /**
     * A search result as a list line: a thumbnail card whose tap asks for the full card
     * ({@code composeExtension/selectItem}, with {@code tapValue}). The same line, without the tap, is what would be
     * inserted by a client that skips the selection step.
     */
    static MessagingExtensionAttachment searchResult(String title, String subtitle, String text, Object tapValue) {
        ThumbnailCard line = thumbnail(title, subtitle, text);
        ThumbnailCard preview = thumbnail(title, subtitle, text);
        CardAction tap = new CardAction();
        tap.setType(ActionTypes.INVOKE);
        tap.setValue(tapValue);
        preview.setTap(tap);
        MessagingExtensionAttachment result = new MessagingExtensionAttachment();
        result.setContentType(ThumbnailCard.CONTENTTYPE);
        result.setContent(line);
        result.setPreview(preview.toAttachment());
        return result;
    }

    private static ThumbnailCard thumbnail(String title, String subtitle, String text) {
        ThumbnailCard card = new ThumbnailCard();
        card.setTitle(title);
        card.setSubtitle(subtitle);
        card.setText(text);
        return card;
    }

    /** A compose-box result that inserts cards into the message being written. */
    static MessagingExtensionResult insert(List<MessagingExtensionAttachment> attachments) {
        MessagingExtensionResult result = new MessagingExtensionResult();
        result.setType("result");
        result.setAttachmentLayout("list");
        result.setAttachments(attachments);
        return result;
    }

    /** A compose-box result that is only a line of text: nothing found, or an apology. */
    static MessagingExtensionResult message(String text) {
        MessagingExtensionResult result = new MessagingExtensionResult();
        result.setType("message");
        result.setText(text);
        return result;
    }

    /** The card with one more button first in its action bar. */
    static JsonNode withAction(Card card, JsonNode action) {
        ObjectNode copy = card.content().deepCopy();
        JsonNode existing = copy.path("actions");
        ArrayNode actions = copy.putArray("actions");
        actions.add(action);
        if (existing.isArray()) {
            actions.addAll((ArrayNode) existing);
        }
        return copy;
    }
}
