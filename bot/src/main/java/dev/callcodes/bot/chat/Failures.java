package dev.callcodes.bot.chat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.util.Collections;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Turns a failure into a short apology for the user and a log line with the details, both carrying the same
 * reference, so support can find the one from the other. The user never sees exception text, and the log sees it
 * only with {@code CALLCODES_LOG_MESSAGE_TEXT=true}: an exception's message often quotes its input (a number that
 * did not parse, a URL, a phrase), and the input is what the user sent. The log keeps each exception's type and
 * stack trace, which is what finds the bug.
 */
public final class Failures {

    private static final Logger LOG = LoggerFactory.getLogger(Failures.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AnswerMetrics metrics;
    private final boolean logMessageText;

    public Failures(AnswerMetrics metrics) {
        this(metrics, false);
    }

    public Failures(AnswerMetrics metrics, boolean logMessageText) {
        this.metrics = metrics;
        this.logMessageText = logMessageText;
    }

    /** Logs the failure and returns the reference to show. */
    public String record(String surface, Throwable failure) {
        String reference = newReference();
        LOG.error("Failed to answer on {} (reference {}): {}", surface, reference, failure.getClass().getName(),
                logMessageText ? failure : withoutMessages(failure));
        metrics.failed(surface);
        return reference;
    }

    /** Eight hex digits that a user can read out and an operator can search the log for. */
    public static String newReference() {
        byte[] bytes = new byte[4];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    public static String apology(String reference) {
        return "Sorry, something went wrong on my side and I could not answer. Try again in a moment; if it keeps"
                + " happening, give your admin this reference: " + reference + ".";
    }

    /** The same chain of exceptions, types and stack traces kept, every message left out. */
    static Throwable withoutMessages(Throwable failure) {
        return copy(failure, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static Throwable copy(Throwable original, Set<Throwable> seen) {
        seen.add(original);
        Throwable cause = original.getCause();
        Redacted copy = new Redacted(original.getClass().getName(),
                cause != null && !seen.contains(cause) ? copy(cause, seen) : null);
        copy.setStackTrace(original.getStackTrace());
        for (Throwable suppressed : original.getSuppressed()) {
            if (!seen.contains(suppressed)) {
                copy.addSuppressed(copy(suppressed, seen));
            }
        }
        return copy;
    }

    /** Stands in for an exception in the log: its type, its frames, no message. */
    private static final class Redacted extends Exception {
        private final String type;

        Redacted(String type, Throwable cause) {
            super(null, cause, true, true);
            this.type = type;
        }

        @Override
        public String toString() {
            return type + " (message not logged: it may quote what the user sent; CALLCODES_LOG_MESSAGE_TEXT=true"
                    + " logs it)";
        }
    }
}
