package dev.callcodes.benchmarks.echo;

import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.builder.teams.TeamsActivityHandler;
import com.microsoft.bot.schema.ThumbnailCard;
import com.microsoft.bot.schema.teams.MessagingExtensionAttachment;
import com.microsoft.bot.schema.teams.MessagingExtensionParameter;
import com.microsoft.bot.schema.teams.MessagingExtensionQuery;
import com.microsoft.bot.schema.teams.MessagingExtensionResponse;
import com.microsoft.bot.schema.teams.MessagingExtensionResult;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Echoes messages; answers a compose-box query with one result naming the query. */
final class EchoBot extends TeamsActivityHandler {

    @Override
    protected CompletableFuture<Void> onMessageActivity(TurnContext turn) {
        return turn.sendActivity(MessageFactory.text("Echo: " + turn.getActivity().getText()))
                .thenApply(sent -> null);
    }

    @Override
    protected CompletableFuture<MessagingExtensionResponse> onTeamsMessagingExtensionQuery(
            TurnContext turn, MessagingExtensionQuery query) {
        List<MessagingExtensionParameter> parameters = query.getParameters();
        Object value = parameters == null || parameters.isEmpty() ? "" : parameters.get(0).getValue();
        ThumbnailCard card = new ThumbnailCard();
        card.setTitle("Echo: " + value);
        MessagingExtensionAttachment attachment = new MessagingExtensionAttachment();
        attachment.setContentType(ThumbnailCard.CONTENTTYPE);
        attachment.setContent(card);
        attachment.setPreview(card.toAttachment());
        MessagingExtensionResult result = new MessagingExtensionResult();
        result.setType("result");
        result.setAttachmentLayout("list");
        result.setAttachments(List.of(attachment));
        return CompletableFuture.completedFuture(new MessagingExtensionResponse(result));
    }
}
