package dev.callcodes.watch;

import dev.callcodes.watch.detect.AlertKind;
import dev.callcodes.watch.detect.IncidentType;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counters in memory: for tests, {@code watch status}, and as what a registry adapter mirrors. */
public final class CountingWatchMetrics implements WatchMetrics {

    private final Map<String, LongAdder> counters = new ConcurrentHashMap<>();

    private void add(String name, long amount) {
        counters.computeIfAbsent(name, n -> new LongAdder()).add(amount);
    }

    @Override
    public void poll(String outcome) {
        add("polls." + outcome, 1);
    }

    @Override
    public void recordsRead(long rows, long duplicates, long unreadable) {
        add("records.read", rows);
        add("records.duplicate", duplicates);
        add("records.unreadable", unreadable);
    }

    @Override
    public void incidentOpened(IncidentType type) {
        add("incidents." + type.name().toLowerCase(java.util.Locale.ROOT), 1);
    }

    @Override
    public void alertSent(AlertKind kind) {
        add("alerts." + kind.name().toLowerCase(java.util.Locale.ROOT), 1);
    }

    public long get(String name) {
        LongAdder adder = counters.get(name);
        return adder == null ? 0 : adder.sum();
    }

    public Map<String, Long> snapshot() {
        Map<String, Long> out = new TreeMap<>();
        counters.forEach((name, adder) -> out.put(name, adder.sum()));
        return out;
    }
}
