package dev.callcodes.watch;

import dev.callcodes.watch.calls.CallSource;
import dev.callcodes.watch.calls.SourceException;
import dev.callcodes.watch.demo.DemoCallSource;
import dev.callcodes.watch.detect.Detector;
import dev.callcodes.watch.graph.GraphCallSource;
import dev.callcodes.watch.graph.MsalTokenProvider;
import dev.callcodes.watch.graph.RetryPolicy;
import dev.callcodes.watch.graph.Sleeper;
import dev.callcodes.watch.graph.TokenProvider;
import dev.callcodes.watch.state.Lease;
import dev.callcodes.watch.state.WatchState;

import javax.net.ssl.SSLContext;
import java.time.Clock;
import java.util.Optional;

/**
 * Builds the watch from its settings, the one way the app, the benchmarks and the tests all do it. The ports come
 * from the caller: the shared store's state and lease, the alert sink, the metrics registry, and the
 * {@link WatchedTenant} ({@link WatchedTenant#of}) that the sink asks whose conversations may see the alerts.
 */
public final class WatchSetup {

    private WatchSetup() {
    }

    /** The watch, or empty when the settings turn it off ({@link WatchSettings#offReason()} says why). */
    public static Optional<Watch> create(WatchSettings settings, WatchedTenant tenant, String instanceId,
                                         WatchState state, Lease lease, AlertSink sink, WatchMetrics metrics,
                                         Clock clock) {
        return create(settings, tenant, instanceId, state, lease, sink, metrics, clock, null, Sleeper.REAL);
    }

    /** As above, trusting {@code trust} for TLS (a test's self-signed stubs) and waiting with {@code sleeper}. */
    public static Optional<Watch> create(WatchSettings settings, WatchedTenant tenant, String instanceId,
                                         WatchState state, Lease lease, AlertSink sink, WatchMetrics metrics,
                                         Clock clock, SSLContext trust, Sleeper sleeper) {
        if (!settings.enabled()) {
            return Optional.empty();
        }
        CallSource source = settings.source() == WatchSettings.Source.DEMO
                ? new DemoCallSource(clock)
                : new GraphCallSource(settings.graph().graphBaseUrl(), tokens(settings, tenant, trust),
                GraphCallSource.httpClient(trust), RetryPolicy.defaults(), sleeper, clock);
        return Optional.of(new Watch(instanceId, source, state, lease, new Detector(settings.rules()), sink, metrics,
                clock, settings.interval(), settings.lookback(), settings.backfill()));
    }

    /** MSAL, or, when the credentials cannot even be loaded (a bad certificate file), that reason at every poll. */
    private static TokenProvider tokens(WatchSettings settings, WatchedTenant tenant, SSLContext trust) {
        try {
            return new MsalTokenProvider(settings.graph(), tenant, trust == null ? null : trust.getSocketFactory());
        } catch (SourceException e) {
            return refresh -> {
                throw e;
            };
        }
    }
}
