package dev.callcodes.bot;

import dev.callcodes.bot.chat.AnswerMetrics;
import dev.callcodes.bot.chat.ChatRoutes;
import dev.callcodes.bot.chat.CodeQueries;
import dev.callcodes.bot.chat.Failures;
import dev.callcodes.cards.AnswerCards;
import dev.callcodes.catalog.Catalog;
import dev.callcodes.catalog.explain.Explainer;
import dev.callcodes.catalog.report.Reports;
import dev.callcodes.catalog.search.CatalogSearch;
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

    @Bean
    Catalog catalog() {
        return Catalog.loadEmbedded();
    }

    @Bean
    Explainer explainer(Catalog catalog) {
        return new Explainer(catalog);
    }

    @Bean
    CatalogSearch catalogSearch(Catalog catalog) {
        return new CatalogSearch(catalog);
    }

    @Bean
    AnswerCards answerCards() {
        return new AnswerCards();
    }

    @Bean
    Reports reports(Explainer explainer) {
        return new Reports(explainer);
    }

    @Bean
    ChatRoutes chatRoutes(Reports reports, CatalogSearch search, AnswerCards cards) {
        return ChatRoutes.standard(reports, search, cards);
    }

    @Bean
    CodeQueries codeQueries(Explainer explainer, CatalogSearch search) {
        return new CodeQueries(explainer, search);
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
