package dev.callcodes.bot.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.builder.teams.TeamsActivityHandler;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.AdaptiveCardInvokeResponse;
import com.microsoft.bot.schema.AdaptiveCardInvokeValue;
import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.schema.Attachment;
import com.microsoft.bot.schema.teams.FileConsentCardResponse;
import com.microsoft.bot.schema.teams.MessagingExtensionAction;
import com.microsoft.bot.schema.teams.MessagingExtensionActionResponse;
import com.microsoft.bot.schema.teams.MessagingExtensionQuery;
import com.microsoft.bot.schema.teams.MessagingExtensionResponse;
import com.microsoft.bot.schema.teams.TaskModuleMessageResponse;
import dev.callcodes.bot.chat.AnswerMetrics;
import dev.callcodes.bot.chat.ChatRoutes;
import dev.callcodes.bot.chat.ChatTurn;
import dev.callcodes.bot.chat.Failures;
import dev.callcodes.bot.chat.Reply;
import dev.callcodes.bot.team.UsageRecorder;
import dev.callcodes.cards.AnswerCards;
import dev.callcodes.cards.Card;
import dev.callcodes.catalog.explain.Answer;
import dev.callcodes.catalog.intake.PlainText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The Teams side of the bot: chat in personal, group and channel conversations, the install welcome, card buttons,
 * the search-based message extension and the "Explain codes" message action. What to answer is decided by
 * {@link ChatRoutes}; this class only moves it in and out of Teams' shapes. Every path answers, failures included.
 */
final class CallCodesBot extends TeamsActivityHandler {

    private static final Logger LOG = LoggerFactory.getLogger(CallCodesBot.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ChatRoutes routes;
    private final AnswerCards cards;
    private final MessageExtension extension;
    private final MessageAction action;
    private final AnswerMetrics metrics;
    private final Failures failures;
    private final ReportUploads uploads;
    private final boolean logMessageText;
    private final UsageRecorder usage;

    CallCodesBot(ChatRoutes routes, AnswerCards cards, MessageExtension extension, MessageAction action,
                 ReportUploads uploads, AnswerMetrics metrics, Failures failures, boolean logMessageText) {
        this(routes, cards, extension, action, uploads, metrics, failures, logMessageText, UsageRecorder.OFF);
    }

    CallCodesBot(ChatRoutes routes, AnswerCards cards, MessageExtension extension, MessageAction action,
                 ReportUploads uploads, AnswerMetrics metrics, Failures failures, boolean logMessageText,
                 UsageRecorder usage) {
        this.usage = usage;
        this.routes = routes;
        this.uploads = uploads;
        this.cards = cards;
        this.extension = extension;
        this.action = action;
        this.metrics = metrics;
        this.failures = failures;
        this.logMessageText = logMessageText;
    }

    /**
     * A handler that throws instead of failing its future would skip the adapter's error handler. A stack overflow
     * is what a pathological input can cause (deep regex recursion): the stack is unwound by the time it lands
     * here, so it is answered like any failure, not left to kill the turn silently.
     */
    @Override
    public CompletableFuture<Void> onTurn(TurnContext turn) {
        try {
            return super.onTurn(turn);
        } catch (RuntimeException | StackOverflowError e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    protected CompletableFuture<Void> onMessageActivity(TurnContext turn) {
        Activity in = turn.getActivity();
        JsonNode value = in.getValue() == null ? null : JSON.valueToTree(in.getValue());
        if (value != null && value.hasNonNull("verb")) {
            return answerButton(turn, value);
        }
        Optional<Attachment> file = ReportUploads.fileOf(in);
        if (file.isPresent()) {
            return answerUpload(turn, file.get());
        }
        PlainText text = textOf(in);
        if (logMessageText) {
            LOG.info("Message text: {}", text);
        }
        Reply reply = metrics.timed("chat", () -> routes.answer(text, chatTurn(in)), Reply::answers);
        counted(turn, "chat", reply.answers());
        // Per message, so DEBUG: at INFO the synchronous console line cost as much CPU as reading the question, and
        // callcodes.answers counts the same by surface and match.
        if (LOG.isDebugEnabled()) {
            LOG.debug("Answered a {} message with {} card(s), {} answer(s)", conversationType(in),
                    reply.cards().size(), reply.answers().size());
        }
        return turn.sendActivity(TeamsReplies.message(reply)).thenApply(sent -> null);
    }

    /** A report file sent in chat; slow work (a download), so its failures get a reference like any other. */
    private CompletableFuture<Void> answerUpload(TurnContext turn, Attachment file) {
        boolean personal = "personal".equals(conversationType(turn.getActivity()));
        Activity reply;
        try {
            reply = counted(turn, "upload", metrics.timed("upload",
                    () -> unchecked(() -> uploads.answer(file, personal)), Outcome::answers)).response();
        } catch (RuntimeException e) {
            reply = uploadApology(e);
        }
        LOG.info("Answered an uploaded file with {} attachment(s)", reply.getAttachments() == null ? 0
                : reply.getAttachments().size());
        return turn.sendActivity(reply).thenApply(sent -> null);
    }

    @Override
    protected CompletableFuture<Void> onTeamsFileConsentAccept(TurnContext turn, FileConsentCardResponse response) {
        Activity reply;
        try {
            reply = unchecked(() -> uploads.uploadAccepted(response));
        } catch (RuntimeException e) {
            reply = uploadApology(e);
        }
        return turn.sendActivity(reply).thenApply(sent -> null);
    }

    /** File transfers block on the network; their failures are answered like any other, with a reference. */
    private interface Transfer<T> {
        T run() throws IOException, InterruptedException;
    }

    private static <T> T unchecked(Transfer<T> transfer) {
        try {
            return transfer.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during a file transfer", e);
        }
    }

    private Activity uploadApology(RuntimeException failure) {
        return MessageFactory.text(Failures.apology(failures.record("upload", failure)));
    }

    @Override
    protected CompletableFuture<Void> onTeamsFileConsentDecline(TurnContext turn, FileConsentCardResponse response) {
        return turn.sendActivity(MessageFactory.text("OK, no file. The summary above stays; send the report again "
                + "if you want the breakdown later.")).thenApply(sent -> null);
    }

    /**
     * An Action.Submit from a client without Action.Execute: update the card in place, or answer below it (a pair
     * opened from a summary goes below, so the summary stays; an update that fails goes below too).
     */
    private CompletableFuture<Void> answerButton(TurnContext turn, JsonNode value) {
        JsonNode form = value.path(formField(value.path(FORM).asText(null)));
        Reply reply = metrics.timed("card", () -> routes.answerAction(value.get("verb").asText(),
                value.path("text").asText(""), actionTurn(turn.getActivity())
                        .withForm(form.isTextual() ? form.asText() : null)),
                Reply::answers);
        counted(turn, "card", reply.answers());
        String cardMessageId = turn.getActivity().getReplyToId();
        if (cardMessageId == null || reply.placement() == Reply.Placement.BELOW) {
            return turn.sendActivity(TeamsReplies.message(reply)).thenApply(sent -> null);
        }
        Activity update = TeamsReplies.message(new Reply(List.of(TeamsReplies.single(reply, cards)), reply.answers()));
        update.setId(cardMessageId);
        return turn.updateActivity(update)
                .thenApply(updated -> (Void) null)
                .exceptionallyCompose(e -> {
                    LOG.info("Could not update the card in place ({}); answering below it", e.toString());
                    return turn.sendActivity(TeamsReplies.message(reply)).thenApply(sent -> null);
                });
    }

    @Override
    protected CompletableFuture<Void> onInstallationUpdateAdd(TurnContext turn) {
        LOG.info("Installed in a {} conversation", conversationType(turn.getActivity()));
        return turn.sendActivity(TeamsReplies.message(routes.welcome())).thenApply(sent -> null);
    }

    /**
     * Action.Execute: the new card replaces the one whose button was pressed; a pair opened from a summary is sent
     * below it instead, and the invoke answers with a short message so the summary stays as it was.
     */
    @Override
    protected CompletableFuture<AdaptiveCardInvokeResponse> onAdaptiveCardInvoke(TurnContext turn,
                                                                                  AdaptiveCardInvokeValue value) {
        Map<?, ?> data = value.getAction() != null && value.getAction().getData() instanceof Map<?, ?> m ? m : Map.of();
        String verb = value.getAction() == null ? null : value.getAction().getVerb();
        Object text = data.get("text");
        Reply[] below = new Reply[1];
        CompletableFuture<AdaptiveCardInvokeResponse> response = guarded(turn, "card", () -> {
            Object form = data.get(formField(data.get(FORM) == null ? null : data.get(FORM).toString()));
            Reply reply = routes.answerAction(verb, text == null ? "" : text.toString(),
                    actionTurn(turn.getActivity()).withForm(form == null ? null : form.toString()));
            if (reply.placement() == Reply.Placement.BELOW) {
                below[0] = reply;
                return new Outcome<>(cardResponse(200, OPENED_BELOW_TYPE, OPENED_BELOW), reply.answers());
            }
            return new Outcome<>(cardResponse(200, Card.CONTENT_TYPE, TeamsReplies.single(reply, cards).content()),
                    reply.answers());
        }, reference -> cardResponse(500, "application/vnd.microsoft.error",
                Map.of("code", "InternalError", "message", Failures.apology(reference))));
        if (below[0] == null) {
            return response;
        }
        return turn.sendActivity(TeamsReplies.message(below[0])).thenCompose(sent -> response);
    }

    /** The invoke response that leaves the pressed card as it is and shows a line; the answer is a new message. */
    static final String OPENED_BELOW_TYPE = "application/vnd.microsoft.activity.message";
    static final String OPENED_BELOW = "Explained below.";

    @Override
    protected CompletableFuture<MessagingExtensionResponse> onTeamsMessagingExtensionQuery(
            TurnContext turn, MessagingExtensionQuery query) {
        // The empty search box lists common codes nobody asked about: not counted as asked.
        boolean asked = !MessageExtension.queryText(query).isBlank();
        return guarded(asked ? turn : null, "extension", () -> extension.query(query),
                reference -> new MessagingExtensionResponse(TeamsReplies.message(Failures.apology(reference))));
    }

    /** A result picked from the list: its full card, built only now (the list carries one line per result). */
    @Override
    protected CompletableFuture<MessagingExtensionResponse> onTeamsMessagingExtensionSelectItem(TurnContext turn,
                                                                                               Object value) {
        // Its pair was counted with the query that listed it.
        return guarded(null, "insert", () -> extension.select(value),
                reference -> new MessagingExtensionResponse(TeamsReplies.message(Failures.apology(reference))));
    }

    @Override
    protected CompletableFuture<MessagingExtensionActionResponse> onTeamsMessagingExtensionFetchTask(
            TurnContext turn, MessagingExtensionAction request) {
        return guarded(turn, "action", () -> action.fetch(request), CallCodesBot::apologyDialog);
    }

    @Override
    protected CompletableFuture<MessagingExtensionActionResponse> onTeamsMessagingExtensionSubmitAction(
            TurnContext turn, MessagingExtensionAction request) {
        return guarded(turn, "action", () -> action.submit(request), CallCodesBot::apologyDialog);
    }

    /**
     * Invokes must return their own response type; the SDK's default would put the exception text in it. A stack
     * overflow an input caused gets the same apology (see {@link #onTurn}).
     */
    private <T> CompletableFuture<T> guarded(TurnContext turn, String surface, Supplier<Outcome<T>> work,
                                             Function<String, T> apology) {
        try {
            return CompletableFuture.completedFuture(counted(turn, surface, metrics.timed(surface, work,
                    Outcome::answers)).response());
        } catch (RuntimeException | StackOverflowError e) {
            return CompletableFuture.completedFuture(apology.apply(failures.record(surface, e)));
        }
    }

    /** Usage counts: the codes answered, by tenant and surface (no text); a null turn counts nothing. */
    private void counted(TurnContext turn, String surface, List<Answer> answers) {
        if (turn == null) {
            return;
        }
        usage.answered(ConversationRecorder.tenantOf(turn.getActivity()), surface, answers);
    }

    private <T> Outcome<T> counted(TurnContext turn, String surface, Outcome<T> outcome) {
        counted(turn, surface, outcome.answers());
        return outcome;
    }

    private static AdaptiveCardInvokeResponse cardResponse(int status, String type, Object value) {
        AdaptiveCardInvokeResponse response = new AdaptiveCardInvokeResponse();
        response.setStatusCode(status);
        response.setType(type);
        response.setValue(value);
        return response;
    }

    private static MessagingExtensionActionResponse apologyDialog(String reference) {
        TaskModuleMessageResponse message = new TaskModuleMessageResponse();
        message.setValue(Failures.apology(reference));
        MessagingExtensionActionResponse response = new MessagingExtensionActionResponse();
        response.setTask(message);
        return response;
    }

    /** What the user wrote, as plain text: the one place a Teams message's markup becomes text. */
    static PlainText textOf(Activity in) {
        String text = in.getText();
        if (in.getRecipient() != null && in.getMentions() != null && !in.getMentions().isEmpty()) {
            text = Activity.removeRecipientMentionImmutable(in);
        }
        if ((text == null || text.isBlank()) && in.getAttachments() != null) {
            // A pasted table can arrive as an HTML attachment with an empty text field.
            for (Attachment attachment : in.getAttachments()) {
                if ("text/html".equals(attachment.getContentType()) && attachment.getContent() != null) {
                    return PlainText.of(attachment.getContent().toString());
                }
            }
        }
        return PlainText.of(text);
    }

    /** The conversation a message came from, with the reference a later proactive message needs. */
    static ChatTurn chatTurn(Activity in) {
        if (in.getConversation() == null || in.getConversation().getId() == null) {
            return ChatTurn.NONE;
        }
        return new ChatTurn(in.getConversation().getTenantId(), in.getConversation().getId(), conversationType(in),
                com.microsoft.bot.schema.Serialization.objectToTree(in.getConversationReference()));
    }

    /** The id of the answer card's note field (team-cards/notes.json): Teams sends its text with the button's data. */
    static final String NOTE_INPUT = "note";
    /**
     * The button's name for its form's field when it is not {@link #NOTE_INPUT}: each note's "Edit" form has its own
     * field ({@code note-NOTEID}), since ids must be unique in a card.
     */
    static final String FORM = "form";

    /** The field the button's form text is in: the one it names if that is a note field, else {@link #NOTE_INPUT}. */
    static String formField(String named) {
        return named != null && named.startsWith(NOTE_INPUT + "-") ? named : NOTE_INPUT;
    }

    /** A card button's turn: the conversation, and the person who pressed it (their Entra object id if known). */
    static ChatTurn actionTurn(Activity in) {
        ChatTurn turn = chatTurn(in);
        if (in.getFrom() == null) {
            return turn;
        }
        String aad = in.getFrom().getAadObjectId();
        return turn.by(aad == null || aad.isBlank() ? in.getFrom().getId() : aad, in.getFrom().getName());
    }

    private static String conversationType(Activity in) {
        String type = in.getConversation() == null ? null : in.getConversation().getConversationType();
        return type == null ? "personal" : type;
    }
}
