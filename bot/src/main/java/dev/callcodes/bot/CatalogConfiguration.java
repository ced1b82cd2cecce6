package dev.callcodes.bot;

import dev.callcodes.bot.chat.AnswerMetrics;
import dev.callcodes.bot.chat.ChatRoutes;
import dev.callcodes.bot.chat.CodeQueries;
import dev.callcodes.bot.chat.Failures;
import dev.callcodes.bot.chat.TeamControl;
import dev.callcodes.bot.chat.WatchControl;
import dev.callcodes.cards.AnswerCards;
import dev.callcodes.catalog.explanation.CallCodes;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The plain-Java engines as beans. The catalog is loaded once at start-up; a malformed catalog or a bad setting
 * stops the app with the file, field or variable named.
 */
@Configuration(proxyBeanMethods = false)
class CatalogConfiguration {

    @Bean
    BotSettings botSettings(Environment environment) {
        return BotSettings.from(environment::getProperty);
    }

    /**
     * The catalog, the intake, the explainer and search, built once as the command line and the tests build them
     * (the app reads it while Spring starts: {@link CatalogPreload}).
     */
    @Bean
    CallCodes callCodes() {
        return CatalogPreload.take();
    }

    @Bean
    AnswerCards answerCards(CallCodes codes) {
        return new AnswerCards(codes.catalog());
    }

    @Bean
    ChatRoutes chatRoutes(CallCodes codes, AnswerCards cards, WatchControl watch, TeamControl team) {
        return ChatRoutes.standard(codes, cards, watch, team);
    }

    @Bean
    CodeQueries codeQueries(CallCodes codes) {
        return new CodeQueries(codes);
    }

    @Bean
    AnswerMetrics answerMetrics(MeterRegistry registry) {
        return new AnswerMetrics(registry);
    }

    @Bean
    Failures failures(AnswerMetrics metrics, BotSettings settings) {
        return new Failures(metrics, settings.logMessageText());
    }
}
