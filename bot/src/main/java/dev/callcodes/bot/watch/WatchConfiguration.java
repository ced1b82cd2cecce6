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
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The failure watch in the app: built from {@link BotSettings#watch()} (off unless configured), its state,
 * subscriptions and lease in the app's store, its alerts sent through the bot's adapter, its counters in the
 * metrics registry, and its health in readiness.
 */
@Configuration(proxyBeanMethods = false)
class WatchConfiguration {

    private static final Pattern GUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

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

    @Bean
    WindowReports windowReports(BotSettings settings, DocumentStore store, CallCodes codes, AnswerCards answerCards,
                                WatchCards cards, Clock clock) {
        return new WindowReports(store, codes, answerCards, cards, watchedTenant(settings.watch()), clock);
    }

    @Bean
    WatchRunner watchRunner(BotSettings settings, DocumentStore store, Clock clock, Subscriptions subscriptions,
                            WatchCards cards, ProactiveMessages messages, MicrometerWatchMetrics metrics,
                            WindowReports reports) {
        WatchSettings watch = settings.watch();
        StoreLease lease = new StoreLease(new Leases(store, clock), clock);
        Deliveries deliveries = new Deliveries(subscriptions, cards, messages, metrics, watchedTenant(watch),
                reports);
        Optional<Watch> created = WatchSetup.create(watch, instanceId(), new StoredWatchState(store, clock), lease,
                deliveries, metrics, clock);
        return new WatchRunner(watch, created, lease, subscriptions, deliveries, cards, clock);
    }

    @Bean
    WatchControl watchControl(WatchRunner runner, Subscriptions subscriptions, WatchCards cards,
                              WindowReports reports, Clock clock) {
        return new WatchChat(runner, subscriptions, cards, reports, clock);
    }

    /** Named "watch" in /actuator/health, and part of the readiness group (application.properties). */
    @Bean
    HealthIndicator watchHealthIndicator(WatchRunner runner) {
        return new WatchHealthIndicator(runner::health);
    }

    /** The tenant whose calls are read, when it is given as an ID that subscriptions can be compared with. */
    private static WatchedTenant watchedTenant(WatchSettings watch) {
        String tenant = watch.graph() == null ? null : watch.graph().tenantId();
        return tenant != null && GUID.matcher(tenant).matches() ? new WatchedTenant(tenant) : WatchedTenant.ANY;
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
