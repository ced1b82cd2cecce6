package dev.callcodes.bot.teams;

import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.schema.ActivityTypes;
import dev.callcodes.bot.BotSettings;
import dev.callcodes.bot.chat.AnswerMetrics;
import dev.callcodes.bot.chat.ChatRoutes;
import dev.callcodes.bot.chat.CodeQueries;
import dev.callcodes.bot.chat.Failures;
import dev.callcodes.cards.AnswerCards;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.concurrent.CompletableFuture;

@Configuration(proxyBeanMethods = false)
class TeamsConfiguration {

    @Bean
    CallCodesAdapter callCodesAdapter(BotSettings settings, Failures failures) {
        CallCodesAdapter adapter = new CallCodesAdapter(settings);
        adapter.setOnTurnError((turn, error) -> {
            String reference = failures.record("turn", error);
            // An invoke expects its own response type; a message in its place would only confuse the client.
            if (ActivityTypes.INVOKE.equals(turn.getActivity().getType())) {
                return CompletableFuture.completedFuture(null);
            }
            return turn.sendActivity(MessageFactory.text(Failures.apology(reference))).thenApply(sent -> null);
        });
        return adapter;
    }

    @Bean
    CallCodesBot callCodesBot(ChatRoutes routes, AnswerCards cards, CodeQueries queries, AnswerMetrics metrics,
                              Failures failures, BotSettings settings) {
        return new CallCodesBot(routes, cards, new MessageExtension(queries, cards), new MessageAction(routes, cards),
                metrics, failures, settings.logMessageText());
    }
}
