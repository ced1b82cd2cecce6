package dev.callcodes.bot.watch;

import com.microsoft.bot.builder.BotAdapter;
import dev.callcodes.bot.chat.WatchControl;
import dev.callcodes.bot.teams.ProactiveMessages;
import dev.callcodes.cards.AnswerCards;
import dev.callcodes.catalog.explanation.CallCodes;
import dev.callcodes.store.DocumentStore;
import dev.callcodes.store.lease.Leases;
import dev.callcodes.watch.AlertSink;
import dev.callcodes.watch.Watch;
import dev.callcodes.watch.WatchSettings;
import dev.callcodes.watch.WatchSetup;
import dev.callcodes.watch.WatchedTenant;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The watch as the app wires it, for the bot-turn tests of other packages; the wiring itself stays package-private. */
public final class TestWatches {

    /** What a test drives and looks at. */
    public record Kit(WatchControl control, Optional<Watch> watch, SimpleMeterRegistry registry,
                      WatchRunner runner, Subscriptions subscriptions, Deliveries deliveries) {

        /** Where the watch hands its alerts: cards to the subscribed conversations. */
        public AlertSink sink() {
            return deliveries;
        }

        /** The subscribed conversations' ids. */
        public List<String> subscribers() {
            return subscriptions.all().stream().map(Subscription::conversationId).toList();
        }

        /** The digest of each subscriber whose time has come (the runner does this once a minute). */
        public int sendDueDigests() {
            return runner.sendDueDigests();
        }

        public Watch running() {
            return watch.orElseThrow();
        }
    }

    private TestWatches() {
    }

    public static Kit create(Map<String, String> env, DocumentStore store, Clock clock, BotAdapter adapter,
                             CallCodes codes) {
        return create(env, store, clock, adapter, codes, null);
    }

    /** As above, trusting {@code trust} for TLS (the watch's local token endpoint). */
    public static Kit create(Map<String, String> env, DocumentStore store, Clock clock, BotAdapter adapter,
                             CallCodes codes, javax.net.ssl.SSLContext trust) {
        WatchSettings settings = WatchSettings.from(env);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        MicrometerWatchMetrics metrics = new MicrometerWatchMetrics(registry);
        WatchCards cards = new WatchCards();
        Subscriptions subscriptions = new Subscriptions(store, clock);
        StoreLease lease = new StoreLease(new Leases(store, clock), clock);
        WatchedTenant tenant = WatchedTenant.of(settings);
        WindowReports reports = new WindowReports(store, codes, new AnswerCards(codes.catalog()), cards, tenant,
                clock);
        Deliveries deliveries = new Deliveries(subscriptions, cards, new ProactiveMessages(adapter, ""), metrics,
                tenant, reports);
        Optional<Watch> watch = WatchSetup.create(settings, tenant, "test-instance",
                new StoredWatchState(store, clock), lease, deliveries, metrics, clock, trust,
                trust == null ? dev.callcodes.watch.graph.Sleeper.REAL : d -> { });
        WatchRunner runner = new WatchRunner(settings, watch, lease, subscriptions, deliveries, cards, clock);
        return new Kit(new WatchChat(runner, subscriptions, cards, tenant, reports, clock), watch, registry, runner,
                subscriptions, deliveries);
    }
}
