package dev.callcodes.bot.chat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Turns a failure into a short apology for the user and a log line with the details, both carrying the same
 * reference, so support can find the one from the other. The user never sees exception text.
 */
public final class Failures {

    private static final Logger LOG = LoggerFactory.getLogger(Failures.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AnswerMetrics metrics;

    public Failures(AnswerMetrics metrics) {
        this.metrics = metrics;
    }

    /** Logs the failure and returns the reference to show. */
    public String record(String surface, Throwable failure) {
        String reference = newReference();
        LOG.error("Failed to answer on {} (reference {})", surface, reference, failure);
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
}
