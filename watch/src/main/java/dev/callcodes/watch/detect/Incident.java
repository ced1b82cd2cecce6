package dev.callcodes.watch.detect;

import java.time.Instant;
import java.util.Set;

/**
 * An open incident: one SBC with one code pair (new, or failing well above its baseline), or one silent SBC. It is
 * alerted once when opened, again when it grows ({@link #alertedAffected} doubled), and once when resolved.
 *
 * @param key              what it is about: {@code pair|SBC|PAIR} or {@code silence|SBC}; one open incident per key
 * @param id               stable id for cards and mutes
 * @param pair             the pair key, or null for silence
 * @param since            the first failing call in the window that opened it (for silence: the last call before)
 * @param affectedCalls    failed calls with the pair since it opened (each call counted once)
 * @param users            distinct users among them, kept up to {@link #MAX_USERS}
 * @param callsInWindow    the SBC's calls in the last window evaluated
 * @param failuresInWindow the pair's failures in that window
 * @param rate             their share of the SBC's calls
 * @param baselineRate     the same share over the baseline hours
 * @param expectedCalls    calls the baseline expected in the silence window (silence only)
 * @param revision         alerts sent about it so far
 * @param alertedAffected  affected calls when it was last alerted
 * @param calmPolls        consecutive polls that found it back to normal
 */
public record Incident(
        String key,
        String id,
        String sbc,
        String pair,
        Set<IncidentType> reasons,
        Instant since,
        Instant openedAt,
        Instant lastFailure,
        long affectedCalls,
        Set<String> users,
        String exampleCorrelationId,
        String phrase,
        int callsInWindow,
        int failuresInWindow,
        double rate,
        double baselineRate,
        double peakRate,
        double expectedCalls,
        int revision,
        long alertedAffected,
        int calmPolls) {

    public static final int MAX_USERS = 1_000;

    public Incident {
        reasons = Set.copyOf(reasons);
        users = users == null ? Set.of() : Set.copyOf(users);
    }

    public static String pairKey(String sbc, String pair) {
        return "pair|" + sbc + "|" + pair;
    }

    public static String silenceKey(String sbc) {
        return "silence|" + sbc;
    }

    /** A short id that every instance computes alike for the same incident. */
    static String idOf(String key, Instant since) {
        String text = key + "|" + since.getEpochSecond();
        long hash = 1125899906842597L;
        for (int i = 0; i < text.length(); i++) {
            hash = 31 * hash + text.charAt(i);
        }
        return "inc-" + Long.toHexString(hash & 0xffffffffffffL);
    }
}
