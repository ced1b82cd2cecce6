package dev.callcodes.bot.watch;

import com.microsoft.bot.builder.BotAdapter;
import dev.callcodes.bot.BotSettings;
import dev.callcodes.bot.chat.WatchControl;
import dev.callcodes.bot.teams.ProactiveMessages;
import dev.callcodes.cards.AnswerCards;
import dev.callcodes.catalog.explanation.CallCodes;
import dev.callcodes.store.DocumentStore;
import dev.callcodes.store.lease.Leases;
import dev.callcodes.watch.Watch;
import dev.callcodes.watch.WatchSettings;
import dev.callcodes.watch.WatchSetup;
import dev.callcodes.watch.WatchedTenant;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * The failure watch in the app: built from {@link BotSettings#watch()} (off unless configured), its state,
 * subscriptions and lease in the app's store, its alerts sent through the bot's adapter, its counters in the
 * metrics registry, and its health in readiness.
 */
@Configuration(proxyBeanMethods = false)
class WatchConfiguration {

    @Bean
    MicrometerWatchMetrics watchMetrics(MeterRegistry registry) {
        return new MicrometerWatchMetrics(registry);
    }

    @Bean
    WatchCards watchCards() {
        return new WatchCards();
    }

    @Bean
    Subscriptions watchSubscriptions(DocumentStore store, Clock clock) {
        return new Subscriptions(store, clock);
    }

    @Bean
    ProactiveMessages proactiveMessages(BotAdapter adapter, BotSettings settings) {
        return new ProactiveMessages(adapter, settings.appId());
    }

    /** Whose conversations get the alerts; learned from the first token when the tenant is given as a domain. */
    @Bean
    WatchedTenant watchedTenant(BotSettings settings) {
        return WatchedTenant.of(settings.watch());
    }

    @Bean
    WindowReports windowReports(DocumentStore store, CallCodes codes, AnswerCards answerCards, WatchCards cards,
                                WatchedTenant tenant, Clock clock) {
        return new WindowReports(store, codes, answerCards, cards, tenant, clock);
    }

    @Bean
    WatchRunner watchRunner(BotSettings settings, DocumentStore store, Clock clock, Subscriptions subscriptions,
                            WatchCards cards, ProactiveMessages messages, MicrometerWatchMetrics metrics,
                            WatchedTenant tenant, WindowReports reports) {
        WatchSettings watch = settings.watch();
        StoreLease lease = new StoreLease(new Leases(store, clock), clock);
        Deliveries deliveries = new Deliveries(subscriptions, cards, messages, metrics, tenant, reports);
        Optional<Watch> created = WatchSetup.create(watch, tenant, instanceId(), new StoredWatchState(store, clock),
                lease, deliveries, metrics, clock);
        return new WatchRunner(watch, created, lease, subscriptions, deliveries, cards, clock);
    }

    @Bean
    WatchControl watchControl(WatchRunner runner, Subscriptions subscriptions, WatchCards cards,
                              WatchedTenant tenant, WindowReports reports, Clock clock) {
        return new WatchChat(runner, subscriptions, cards, tenant, reports, clock);
    }

    /** Named "watch" in /actuator/health, and part of the readiness group (application.properties). */
    @Bean
    HealthIndicator watchHealthIndicator(WatchRunner runner) {
        return new WatchHealthIndicator(runner::health);
    }

    /** Unique per running app, readable in the lease and in logs: the host and a random suffix. */
    private static String instanceId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "host";
        }
        return host + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
