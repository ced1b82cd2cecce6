package dev.callcodes.catalog.report;

import java.util.Set;

/**
 * How a call of a report ended, from its final codes. A 2xx final response is success whatever the subcode; SIP 0
 * (or none) is success only with a normal-clearing Microsoft code (0, 540000 ended by Microsoft's side, 560000 ended
 * by the SBC's side), since ACS also writes 0 beside real failures.
 */
public enum CallOutcome {
    SUCCEEDED,
    FAILED,
    /** Both code cells empty: calls still in progress, or a report without the failure columns filled. */
    NO_CODE;

    static final Set<String> NORMAL_CLEARING = Set.of("0", "540000", "560000");

    public static CallOutcome of(String microsoftCode, Integer sipCode) {
        if (microsoftCode == null && sipCode == null) {
            return NO_CODE;
        }
        if (sipCode != null && sipCode >= 200 && sipCode < 300) {
            return SUCCEEDED;
        }
        boolean noFailureCode = sipCode == null || sipCode == 0;
        return noFailureCode && (microsoftCode == null || NORMAL_CLEARING.contains(microsoftCode)) ? SUCCEEDED : FAILED;
    }
}
