package dev.callcodes.watch.detect;

import java.time.Duration;

/**
 * The thresholds of detection. The defaults are explained where they are used ({@link Detector}) and in the
 * README; tests tighten or loosen them to plant incidents.
 *
 * @param window           the span of recent calls (by start time) that every rate is judged on
 * @param minCalls         calls an SBC must have carried in the window before any of its rates is judged
 * @param minBaselineCalls calls the baseline must hold before a rate is compared with it
 * @param baselineDays     how many previous days, at the same hours, make the baseline
 * @param minRise          how much a pair's share of the SBC's calls must rise above its baseline (0.05 = 5 points)
 * @param minFailures      failures of the pair in the window before a rise is reported
 * @param z                the one-sided normal quantile of the Wilson bounds (3.72: 1 in 10,000)
 * @param newPairDays      how far back a pair must be absent to be "new"
 * @param minNewPairCalls  failures of a new pair in the window before it is reported
 * @param minHistory       how much history the watch must hold before it says "new" or "silent"
 * @param silenceWindow    the span with no call at all that makes an SBC "silent"
 * @param minExpectedCalls calls the baseline must expect in that span before silence is reported
 * @param resolvePolls     consecutive calm polls before an incident is resolved (hysteresis)
 */
public record DetectionRules(
        Duration window,
        int minCalls,
        int minBaselineCalls,
        int baselineDays,
        double minRise,
        int minFailures,
        double z,
        int newPairDays,
        int minNewPairCalls,
        Duration minHistory,
        Duration silenceWindow,
        double minExpectedCalls,
        int resolvePolls) {

    public static DetectionRules defaults() {
        return new DetectionRules(Duration.ofMinutes(60), 50, 200, 7, 0.05, 5, 3.72, 30, 3, Duration.ofDays(7),
                Duration.ofHours(2), 10.0, 2);
    }

    public DetectionRules withWindow(Duration newWindow) {
        return new DetectionRules(newWindow, minCalls, minBaselineCalls, baselineDays, minRise, minFailures, z,
                newPairDays, minNewPairCalls, minHistory, silenceWindow, minExpectedCalls, resolvePolls);
    }

    public DetectionRules withMinCalls(int calls) {
        return new DetectionRules(window, calls, minBaselineCalls, baselineDays, minRise, minFailures, z,
                newPairDays, minNewPairCalls, minHistory, silenceWindow, minExpectedCalls, resolvePolls);
    }

    public DetectionRules withSilenceWindow(Duration span) {
        return new DetectionRules(window, minCalls, minBaselineCalls, baselineDays, minRise, minFailures, z,
                newPairDays, minNewPairCalls, minHistory, span, minExpectedCalls, resolvePolls);
    }

    /** The longest span of recent calls detection looks at: recent calls are kept at least this long. */
    public Duration longestSpan() {
        return window.compareTo(silenceWindow) >= 0 ? window : silenceWindow;
    }
}
