package dev.callcodes.bot.teams;

import dev.callcodes.bot.BotSettings;
import dev.callcodes.bot.chat.AnswerMetrics;
import dev.callcodes.bot.chat.ChatRoutes;
import dev.callcodes.bot.chat.CodeQueries;
import dev.callcodes.bot.chat.Failures;
import dev.callcodes.cards.AnswerCards;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TeamsConfiguration {

    @Bean
    CallCodesAdapter callCodesAdapter(BotSettings settings, Failures failures) {
        CallCodesAdapter adapter = new CallCodesAdapter(settings);
        adapter.setOnTurnError(new TurnErrorHandler(failures));
        return adapter;
    }

    @Bean
    CallCodesBot callCodesBot(ChatRoutes routes, AnswerCards cards, CodeQueries queries, AnswerMetrics metrics,
                              Failures failures, BotSettings settings) {
        return new CallCodesBot(routes, cards, new MessageExtension(queries, cards), new MessageAction(routes, cards),
                metrics, failures, settings.logMessageText());
    }
}
