package dev.callcodes.catalog;

import java.util.List;

/**
 * An ITU-T Q.850 cause value as it shows up in a Teams or ACS call path (a Reason header such as
 * {@code Reason: Q.850;cause=34;text="..."}, or ACS Q850Details).
 *
 * @param cause    the cause value
 * @param name     the standard name in Q.850
 * @param sipCodes the SIP response RFC 3398 section 7.2.4.1 maps the cause to; empty when its table has no row for
 *                 it, or (cause 16) when the cause ends a call normally and maps to no error response
 * @param meaning  what the cause says, in CallCodes' words
 * @param inTeams  what it points to in a Teams call path: carrier, SBC or Microsoft
 * @param checks   what to check, most useful first
 * @param sources  the RFCs and any Microsoft page that mentions the cause
 */
public record Q850Cause(int cause, String name, List<Integer> sipCodes, String meaning, String inTeams,
                        List<String> checks, List<String> sources) {

    public Q850Cause {
        sipCodes = List.copyOf(sipCodes);
        checks = List.copyOf(checks);
        sources = List.copyOf(sources);
    }
}
