package dev.callcodes.watch.calls;

import dev.callcodes.catalog.report.CallOutcome;

/**
 * How a call ended, for the watch: the catalog's rule ({@link CallOutcome}), with 540200 "Call completed
 * elsewhere" (another endpoint answered: a forked or group call) kept out of the failures, as its catalog entry
 * says. The intake issue moves that rule into {@link CallOutcome}; this class then only maps.
 */
public enum WatchOutcome {
    SUCCEEDED,
    FAILED,
    ANSWERED_ELSEWHERE,
    NO_CODE;

    static final String ANSWERED_ELSEWHERE_CODE = "540200";

    public static WatchOutcome of(String microsoftCode, Integer sipCode) {
        if (ANSWERED_ELSEWHERE_CODE.equals(microsoftCode)) {
            return ANSWERED_ELSEWHERE;
        }
        return switch (CallOutcome.of(microsoftCode, sipCode)) {
            case SUCCEEDED -> SUCCEEDED;
            case FAILED -> FAILED;
            case NO_CODE -> NO_CODE;
        };
    }

    public boolean failed() {
        return this == FAILED;
    }
}
