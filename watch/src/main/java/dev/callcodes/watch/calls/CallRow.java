package dev.callcodes.watch.calls;

import dev.callcodes.catalog.report.CallOutcome;

import java.time.Instant;

/**
 * One Direct Routing call as the watch needs it, from a Graph {@code directRoutingLogRow} (field names as Microsoft
 * documents them: {@code callEndSubReason} is the Microsoft code, {@code trunkFullyQualifiedDomainName} the SBC).
 * Times Graph leaves at {@code 0001-01-01T00:00:00Z} ("none") are null here.
 */
public record CallRow(
        String id,
        String correlationId,
        Instant startDateTime,
        Instant inviteDateTime,
        Instant failureDateTime,
        Instant endDateTime,
        Integer finalSipCode,
        String finalSipCodePhrase,
        String callEndSubReason,
        String callType,
        String trunkFullyQualifiedDomainName,
        String userPrincipalName,
        String userId,
        Integer duration,
        Boolean successfulCall) {

    /** The SBC, or a stand-in so that rows without one are still counted. */
    public String sbc() {
        return trunkFullyQualifiedDomainName == null || trunkFullyQualifiedDomainName.isBlank()
                ? NO_SBC : trunkFullyQualifiedDomainName.toLowerCase(java.util.Locale.ROOT);
    }

    /** Who placed or took the call: the sign-in name, else the Entra object id, else null (bot call types). */
    public String user() {
        if (userPrincipalName != null && !userPrincipalName.isBlank()) {
            return userPrincipalName.toLowerCase(java.util.Locale.ROOT);
        }
        return userId == null || userId.isBlank() ? null : userId;
    }

    public CodePair pair() {
        return new CodePair(callEndSubReason, finalSipCode);
    }

    /** The catalog's rule, the same one a pasted report uses. */
    public CallOutcome outcome() {
        return CallOutcome.of(callEndSubReason, finalSipCode);
    }

    public static final String NO_SBC = "(no SBC)";
}
