package dev.callcodes.watch;

import dev.callcodes.watch.detect.AlertKind;
import dev.callcodes.watch.detect.IncidentType;

/** Counters of the watch, for the app's metrics registry (Micrometer in the bot). */
public interface WatchMetrics {

    /** One tick: {@code ok}, {@code failed} (with the problem), {@code standby} or {@code conflict}. */
    void poll(String outcome);

    /** Rows read in a poll: all of them, those seen before, those that could not be read. */
    void recordsRead(long rows, long duplicates, long unreadable);

    void incidentOpened(IncidentType type);

    /** An alert handed to the sink. */
    void alertSent(AlertKind kind);

    WatchMetrics NONE = new WatchMetrics() {
        @Override
        public void poll(String outcome) {
        }

        @Override
        public void recordsRead(long rows, long duplicates, long unreadable) {
        }

        @Override
        public void incidentOpened(IncidentType type) {
        }

        @Override
        public void alertSent(AlertKind kind) {
        }
    };
}
