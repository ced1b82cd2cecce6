package dev.callcodes.bot.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.teams.MessageActionsPayload;
import com.microsoft.bot.schema.teams.MessagingExtensionAction;
import com.microsoft.bot.schema.teams.MessagingExtensionActionResponse;
import com.microsoft.bot.schema.teams.TaskModuleContinueResponse;
import com.microsoft.bot.schema.teams.TaskModuleMessageResponse;
import com.microsoft.bot.schema.teams.TaskModuleTaskInfo;
import dev.callcodes.bot.chat.ChatRoutes;
import dev.callcodes.bot.chat.Reply;
import dev.callcodes.cards.AnswerCards;
import dev.callcodes.cards.Card;
import dev.callcodes.catalog.intake.QueryText;

import java.util.List;

/**
 * "Explain codes" on a message's … menu. With {@code fetchTask} Teams first asks for a dialog: it shows the card
 * for the message's codes with an insert button, and its related-code buttons (Action.Submit inside dialogs) move
 * to other codes in the same dialog. The insert button, or a manifest without {@code fetchTask}, puts the card into
 * the compose box, from where the user sends it to the conversation.
 */
final class MessageAction {

    /** The manifest's action command. */
    static final String EXPLAIN_COMMAND = "explainMessage";
    static final String INSERT = "insert";
    static final String INSERT_TITLE = "Insert into conversation";
    static final String NOTHING_FOUND = "I found no call codes in that message. It needs a SIP code, a Microsoft"
            + " code or an official error phrase, such as 510559 403.";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ChatRoutes routes;
    private final AnswerCards cards;

    MessageAction(ChatRoutes routes, AnswerCards cards) {
        this.routes = routes;
        this.cards = cards;
    }

    Outcome<MessagingExtensionActionResponse> fetch(MessagingExtensionAction action) {
        return dialog(routes.answerAction("explain", messageText(action.getMessagePayload())));
    }

    Outcome<MessagingExtensionActionResponse> submit(MessagingExtensionAction action) {
        JsonNode data = action.getData() == null ? JsonNodeFactory.instance.objectNode()
                : JSON.valueToTree(action.getData());
        if (data.hasNonNull("verb")) {
            return dialog(routes.answerAction(data.get("verb").asText(), data.path("text").asText("")));
        }
        String text = data.hasNonNull(INSERT) ? data.get(INSERT).asText() : messageText(action.getMessagePayload());
        Reply reply = routes.answerAction("explain", text);
        MessagingExtensionActionResponse response = new MessagingExtensionActionResponse();
        response.setComposeExtension(reply.answers().isEmpty()
                ? TeamsReplies.message(NOTHING_FOUND)
                : TeamsReplies.insert(List.of(TeamsReplies.insertable(TeamsReplies.single(reply, cards)))));
        return new Outcome<>(response, reply.answers());
    }

    private Outcome<MessagingExtensionActionResponse> dialog(Reply reply) {
        MessagingExtensionActionResponse response = new MessagingExtensionActionResponse();
        if (reply.answers().isEmpty()) {
            TaskModuleMessageResponse message = new TaskModuleMessageResponse();
            message.setValue(NOTHING_FOUND);
            response.setTask(message);
            return new Outcome<>(response, reply.answers());
        }
        Card card = TeamsReplies.single(reply, cards);
        ObjectNode insert = JsonNodeFactory.instance.objectNode();
        insert.put("type", "Action.Submit");
        insert.put("title", INSERT_TITLE);
        insert.putObject("data").put(INSERT, queryFor(reply));
        TaskModuleTaskInfo info = new TaskModuleTaskInfo();
        info.setTitle("Call codes");
        info.setHeight("large");
        info.setWidth("medium");
        info.setCard(TeamsReplies.attachment(new Card(card.template(), TeamsReplies.withAction(card, insert),
                card.summary())));
        TaskModuleContinueResponse next = new TaskModuleContinueResponse();
        next.setValue(info);
        response.setTask(next);
        return new Outcome<>(response, reply.answers());
    }

    /**
     * The text that gives the same answers again, so the insert button carries codes, not the whole message: each
     * answer as the query writer writes it (which reads back to it), once per occurrence.
     */
    private static String queryFor(Reply reply) {
        StringBuilder query = new StringBuilder();
        reply.answers().forEach(a -> {
            String line = a.microsoftCode() == null && a.sipCode() == null ? a.phrase()
                    : QueryText.of(a.microsoftCode(), a.sipCode());
            if (line == null) {
                return;
            }
            for (int i = 0; i < Math.max(1, a.occurrences()); i++) {
                query.append(line).append('\n');
            }
        });
        return query.toString().strip();
    }

    /** The message's text; HTML bodies are normalized where the text is read (ChatRoutes gets it as PlainText). */
    static String messageText(MessageActionsPayload payload) {
        if (payload == null || payload.getBody() == null || payload.getBody().getContent() == null) {
            return "";
        }
        return payload.getBody().getContent();
    }
}
