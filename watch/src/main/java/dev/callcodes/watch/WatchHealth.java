package dev.callcodes.watch;

import java.time.Instant;

/**
 * What readiness and {@code watch status} say about the watch.
 *
 * @param reason             one line an admin can act on (the variable to set, the secret that expired)
 * @param lastSuccess        the last poll that read Graph, by any instance; null if none yet
 * @param consecutiveFailures failed polls in a row
 */
public record WatchHealth(Status status, String reason, Instant lastSuccess, int consecutiveFailures) {

    public enum Status {
        /** Not configured: the reason says what to set. */
        OFF,
        /** Configured, no poll yet. */
        STARTING,
        /** The last poll read Graph. */
        OK,
        /** Another instance holds the lease and polls; its last report is mirrored. */
        STANDBY,
        /** Graph or the token endpoint cannot be reached, or keeps throttling or failing. */
        UNREACHABLE,
        /** The token endpoint refused the credentials: expired or wrong secret, unknown app or tenant. */
        CREDENTIALS_REJECTED,
        /** Graph refused the token: the application permission or its consent is missing. */
        PERMISSION_MISSING,
        /** Graph answered something unusable. */
        FAILING
    }

    /** False when the watch is configured but cannot do its job; OFF and STANDBY are not faults. */
    public boolean healthy() {
        return switch (status) {
            case OFF, STARTING, OK, STANDBY -> true;
            default -> false;
        };
    }

    public static WatchHealth off(String reason) {
        return new WatchHealth(Status.OFF, reason, null, 0);
    }
}
