package dev.callcodes.bot.teams;

import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.builder.OnTurnErrorHandler;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.schema.ActivityTypes;
import dev.callcodes.bot.chat.Failures;

import java.util.concurrent.CompletableFuture;

/** The last word on a failed turn: a short apology whose reference the log line also carries. */
final class TurnErrorHandler implements OnTurnErrorHandler {

    private final Failures failures;

    TurnErrorHandler(Failures failures) {
        this.failures = failures;
    }

    @Override
    public CompletableFuture<Void> invoke(TurnContext turn, Throwable error) {
        String reference = failures.record("turn", error);
        // An invoke expects its own response type; a message in its place would only confuse the client.
        if (ActivityTypes.INVOKE.equals(turn.getActivity().getType())) {
            return CompletableFuture.completedFuture(null);
        }
        return turn.sendActivity(MessageFactory.text(Failures.apology(reference))).thenApply(sent -> null);
    }
}
