package dev.callcodes.bot.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.builder.BotAdapter;
import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.restclient.RestException;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Attachment;
import com.microsoft.bot.schema.ConversationReference;
import com.microsoft.bot.schema.ResourceResponse;
import com.microsoft.bot.schema.Serialization;
import dev.callcodes.cards.Card;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Messages the bot starts (the watch's alerts and digests), sent to a stored conversation reference through the
 * app's adapter: the same connector client, retries (412, 429, 502, 504 and the rest, with Retry-After) and kept
 * replies as every answer, so a throttled alert is sent again, in order, and never twice. An earlier message can be
 * replaced in place (a grown alert), through the same client and retries.
 */
public final class ProactiveMessages {

    /** A send that takes longer than this is left to the kept replies; the watch's loop goes on. */
    static final long SEND_SECONDS = 60;
    /**
     * What the connector answers an update of a message it no longer has: 404, or 400 for an id it cannot use (the
     * message was deleted, or the id came from another conversation).
     */
    static final Set<Integer> GONE = Set.of(400, 404);

    private final BotAdapter adapter;
    private final String botAppId;

    public ProactiveMessages(BotAdapter adapter, String botAppId) {
        this.adapter = adapter;
        this.botAppId = botAppId;
    }

    /**
     * Sends one card to the conversation as a new message; throws what the connector answered if it could not be
     * sent or kept.
     *
     * @return the new message's id, or null when the connector gave none (a send kept to be tried again later)
     */
    public String send(JsonNode reference, Card card) throws Exception {
        ResourceResponse sent = run(reference, turn -> turn.sendActivity(message(card)));
        return sent == null || sent.getId() == null || sent.getId().isBlank() ? null : sent.getId();
    }

    /**
     * Replaces the card of an earlier message in place (the SDK's updateActivity).
     *
     * @return false when the connector no longer has that message ({@link #GONE}); other failures are thrown
     */
    public boolean update(JsonNode reference, String activityId, Card card) throws Exception {
        Activity replacement = message(card);
        replacement.setId(activityId);
        try {
            run(reference, turn -> turn.updateActivity(replacement));
            return true;
        } catch (Exception e) {
            if (gone(e)) {
                return false;
            }
            throw e;
        }
    }

    private static boolean gone(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RestException rest && rest.response() != null) {
                return GONE.contains(rest.response().code());
            }
        }
        return false;
    }

    private static Activity message(Card card) {
        Attachment attachment = new Attachment();
        attachment.setContentType(Card.CONTENT_TYPE);
        attachment.setContent(card.content());
        Activity message = MessageFactory.attachment(attachment);
        message.setSummary(card.summary());
        return message;
    }

    private <T> T run(JsonNode reference, Function<TurnContext, CompletableFuture<T>> call) throws Exception {
        ConversationReference to = Serialization.treeToValue(reference, ConversationReference.class);
        AtomicReference<T> result = new AtomicReference<>();
        try {
            adapter.continueConversation(botAppId, to, turn -> {
                // The SDK gives the continuation a random id and would send the card as a reply to it; without one it
                // goes as a new message (sendToConversation), which is what an alert is.
                turn.getActivity().setId(null);
                return call.apply(turn).thenAccept(result::set);
            }).get(SEND_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            while (cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            throw cause instanceof Exception exception ? exception : e;
        } catch (TimeoutException e) {
            throw new TimeoutException("the connector did not answer within " + SEND_SECONDS + " s");
        }
        return result.get();
    }
}
