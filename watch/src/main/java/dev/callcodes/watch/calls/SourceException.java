package dev.callcodes.watch.calls;

/** A read that could not finish, with what went wrong in words an admin can act on. */
public final class SourceException extends Exception {

    /** What kind of trouble, for health and metrics. */
    public enum Problem {
        /** Graph or the token endpoint could not be reached, or kept failing (outage, 5xx, timeouts). */
        UNREACHABLE,
        /** Graph kept answering 429 past the retries. */
        THROTTLED,
        /** The token endpoint refused the app's credentials (expired or wrong secret, unknown app or tenant). */
        CREDENTIALS,
        /** Graph refused the token: the app lacks the application permission or its admin consent. */
        PERMISSION,
        /** Graph answered something the watch cannot use. */
        BAD_RESPONSE
    }

    private final Problem problem;

    public SourceException(Problem problem, String reason) {
        super(reason);
        this.problem = problem;
    }

    public SourceException(Problem problem, String reason, Throwable cause) {
        super(reason, cause);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    /** The reason, for health and logs (never contains a secret). */
    public String reason() {
        return getMessage();
    }
}
