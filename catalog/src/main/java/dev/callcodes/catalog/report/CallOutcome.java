package dev.callcodes.catalog.report;

import dev.callcodes.catalog.intake.CallRecord;

import java.util.Locale;
import java.util.Set;

/**
 * How a call of a report ended, decided once from its final codes (and its SIP method, when a log names one).
 * A 2xx final response ended normally whatever the subcode; SIP 0 (or none) ended normally only with a
 * normal-clearing Microsoft code (0, 540000 ended by Microsoft's side, 560000 ended by the SBC's side), since ACS
 * also writes 0 beside real failures.
 */
public enum CallOutcome {
    FAILED,
    ENDED_NORMALLY,
    /** 540200 "Call completed elsewhere": a forked call another endpoint answered; not a failure (its card says so). */
    ANSWERED_ELSEWHERE,
    /** An OPTIONS ping, a REGISTER, a SUBSCRIBE: SIP traffic that is not a call, whatever its response. */
    NOT_A_CALL,
    /** Both code cells empty, or only a provisional 1xx: the call was in progress, or the report has no final codes. */
    NO_FINAL_CODE;

    static final Set<String> NORMAL_CLEARING = Set.of("0", "540000", "560000");
    static final String ANSWERED_ELSEWHERE_CODE = "540200";
    private static final Set<String> NOT_CALL_METHODS = Set.of("options", "register", "subscribe", "notify",
            "message", "publish");

    public static CallOutcome of(CallRecord record) {
        String method = record.method();
        if (method != null && NOT_CALL_METHODS.contains(method.strip().toLowerCase(Locale.ROOT))) {
            return NOT_A_CALL;
        }
        return of(record.microsoftCode(), record.sipCode());
    }

    public static CallOutcome of(String microsoftCode, Integer sipCode) {
        if (microsoftCode == null && sipCode == null) {
            return NO_FINAL_CODE;
        }
        if (ANSWERED_ELSEWHERE_CODE.equals(microsoftCode)) {
            return ANSWERED_ELSEWHERE;
        }
        if (sipCode != null && sipCode >= 100 && sipCode < 200) {
            return NO_FINAL_CODE;
        }
        if (sipCode != null && sipCode >= 200 && sipCode < 300) {
            return ENDED_NORMALLY;
        }
        boolean noFailureCode = sipCode == null || sipCode == 0;
        return noFailureCode && (microsoftCode == null || NORMAL_CLEARING.contains(microsoftCode))
                ? ENDED_NORMALLY : FAILED;
    }

    /** Only a failure counts against an SBC or a code; a call answered elsewhere or not a call does not. */
    public boolean failed() {
        return this == FAILED;
    }
}
