package dev.callcodes.bot.teams;

import com.microsoft.bot.connector.authentication.AppCredentials;
import dev.callcodes.bot.BotSettings;
import dev.callcodes.bot.chat.AnswerMetrics;
import dev.callcodes.bot.chat.ChatRoutes;
import dev.callcodes.bot.chat.CodeQueries;
import dev.callcodes.bot.chat.Failures;
import dev.callcodes.bot.local.LocalFileLinks;
import dev.callcodes.bot.team.UsageRecorder;
import dev.callcodes.cards.AnswerCards;
import dev.callcodes.catalog.explanation.CallCodes;
import dev.callcodes.team.conversations.ActivityOnce;
import dev.callcodes.team.conversations.ConversationReferences;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.net.http.HttpClient;
import java.time.Duration;

@Configuration(proxyBeanMethods = false)
class TeamsConfiguration {

    /** The bot's own credentials, for its replies (a test points them at a local token endpoint). */
    @Bean
    AppCredentials botCredentials(BotSettings settings) {
        return CallCodesAdapter.credentials(settings);
    }

    @Bean
    CallCodesAdapter callCodesAdapter(BotSettings settings, AppCredentials botCredentials, Failures failures,
                                      MeterRegistry registry, ActivityOnce activityOnce,
                                      ConversationReferences conversations) {
        CallCodesAdapter adapter = new CallCodesAdapter(settings, botCredentials, registry);
        adapter.setOnTurnError(new TurnErrorHandler(failures));
        adapter.use(new OncePerActivity(activityOnce, registry));
        adapter.use(new ConversationRecorder(conversations));
        return adapter;
    }

    @Bean
    AcceptedTurns acceptedTurns(BotSettings settings, Failures failures, MeterRegistry registry) {
        return new AcceptedTurns(AcceptedTurns.capacityFor(settings.maxRequestsPerHost()), failures, registry);
    }

    /** The local chat page's file links; in local mode the only ones the bot downloads from or uploads to. */
    @Bean
    LocalFileLinks localFileLinks(BotSettings settings, Environment environment) {
        return new LocalFileLinks(settings.server().localBind(),
                () -> environment.getProperty("local.server.port", Integer.class, -1));
    }

    @Bean
    CallCodesBot callCodesBot(ChatRoutes routes, AnswerCards cards, CodeQueries queries, CallCodes codes,
                              AnswerMetrics metrics, Failures failures, BotSettings settings,
                              LocalFileLinks localFileLinks, UsageRecorder usage) {
        // Redirects are followed by FileTransfers, which checks every hop against the same rule as the first link.
        LazyHttpClient http = new LazyHttpClient(HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER));
        FileTransfers files = new FileTransfers(http,
                settings.authenticationEnabled() ? FileTransfers.TEAMS_LINKS : localFileLinks::isOwn,
                Duration.ofSeconds(settings.server().fileTransferSeconds()));
        return new CallCodesBot(routes, cards, new MessageExtension(queries, cards), new MessageAction(routes, cards),
                new ReportUploads(codes, cards, files, settings.maxReportBytes()), metrics, failures,
                settings.logMessageText(), usage);
    }
}
