package dev.callcodes.bot.watch;

import dev.callcodes.watch.WatchMetrics;
import dev.callcodes.watch.detect.AlertKind;
import dev.callcodes.watch.detect.IncidentType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.Locale;

/**
 * The watch's counters in the app's registry (under /actuator/metrics): {@code callcodes.watch.polls} by outcome,
 * {@code callcodes.watch.records} by kind (read, duplicate, unreadable), {@code callcodes.watch.incidents} by type,
 * {@code callcodes.watch.alerts} by kind, and {@code callcodes.watch.deliveries} by kind (alert, digest) and outcome, one per conversation.
 */
final class MicrometerWatchMetrics implements WatchMetrics {

    private final MeterRegistry registry;

    MicrometerWatchMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void poll(String outcome) {
        counter("callcodes.watch.polls", "Polls of the call source, by outcome", "outcome", outcome).increment();
    }

    @Override
    public void recordsRead(long rows, long duplicates, long unreadable) {
        String description = "Call records read by the watch";
        counter("callcodes.watch.records", description, "kind", "read").increment(rows);
        counter("callcodes.watch.records", description, "kind", "duplicate").increment(duplicates);
        counter("callcodes.watch.records", description, "kind", "unreadable").increment(unreadable);
    }

    @Override
    public void incidentOpened(IncidentType type) {
        counter("callcodes.watch.incidents", "Incidents opened, by reason", "type", name(type)).increment();
    }

    @Override
    public void alertSent(AlertKind kind) {
        counter("callcodes.watch.alerts", "Alerts handed to the subscribed conversations", "kind", name(kind))
                .increment();
    }

    /** One alert or digest to one conversation: sent, failed, or skipped as a repeat. */
    void delivery(String what, String outcome) {
        Counter.builder("callcodes.watch.deliveries").description("Watch messages to conversations, by outcome")
                .tag("kind", what).tag("outcome", outcome).register(registry).increment();
    }

    private Counter counter(String name, String description, String tag, String value) {
        return Counter.builder(name).description(description).tag(tag, value).register(registry);
    }

    private static String name(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
