package dev.callcodes.watch.state;

import java.time.Instant;

/**
 * The last poll, as every instance can read it from the shared state: who polled, when, what it read, and what
 * went wrong (so a standby instance reports an expired secret too).
 *
 * @param problem null when the poll succeeded; else the {@code SourceException.Problem} name
 */
public record PollReport(
        Instant at,
        String holder,
        Instant from,
        Instant to,
        int pages,
        long rows,
        long newRows,
        long duplicates,
        long unreadable,
        int retries,
        String problem,
        String reason) {

    public boolean ok() {
        return problem == null;
    }
}
