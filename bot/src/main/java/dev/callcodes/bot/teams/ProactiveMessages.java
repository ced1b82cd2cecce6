package dev.callcodes.bot.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.builder.BotAdapter;
import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Attachment;
import com.microsoft.bot.schema.ConversationReference;
import com.microsoft.bot.schema.Serialization;
import dev.callcodes.cards.Card;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Messages the bot starts (the watch's alerts and digests), sent to a stored conversation reference through the
 * app's adapter: the same connector client, retries (412, 429, 502, 504 and the rest, with Retry-After) and kept
 * replies as every answer, so a throttled alert is sent again, in order, and never twice.
 */
public final class ProactiveMessages {

    /** A send that takes longer than this is left to the kept replies; the watch's loop goes on. */
    static final long SEND_SECONDS = 60;

    private final BotAdapter adapter;
    private final String botAppId;

    public ProactiveMessages(BotAdapter adapter, String botAppId) {
        this.adapter = adapter;
        this.botAppId = botAppId;
    }

    /** Sends one card to the conversation; throws what the connector answered if it could not be sent or kept. */
    public void send(JsonNode reference, Card card) throws Exception {
        ConversationReference to = Serialization.treeToValue(reference, ConversationReference.class);
        Attachment attachment = new Attachment();
        attachment.setContentType(Card.CONTENT_TYPE);
        attachment.setContent(card.content());
        Activity message = MessageFactory.attachment(attachment);
        message.setSummary(card.summary());
        try {
            adapter.continueConversation(botAppId, to, turn -> {
                // The SDK gives the continuation a random id and would send the card as a reply to it; without one it
                // goes as a new message (sendToConversation), which is what an alert is.
                turn.getActivity().setId(null);
                return turn.sendActivity(message).thenApply(sent -> null);
            }).get(SEND_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } catch (TimeoutException e) {
            throw new TimeoutException("the connector did not answer within " + SEND_SECONDS + " s");
        }
    }
}
