package dev.callcodes.catalog.text;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spans of pasted text whose digits are never codes: phone numbers, dates, times, IP addresses and ports, GUIDs and
 * correlation IDs, hex values and HRESULTs, URIs, SIP header values (CSeq, Max-Forwards, Content-Length ...), SDP,
 * and counts ("5 calls"). Patterns run over folded (lower-case) text.
 */
final class Noise {

    private static final String MONTH = "(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?";

    /** SIP headers whose value never holds a failure code. Reason is absent: it carries the phrase. */
    private static final String SIP_HEADER = "via|from|to|f|t|v|i|m|l|c|k|call-id|cseq|max-forwards|content-length"
            + "|content-type|contact|record-route|route|user-agent|server|allow|supported|require|proxy-require"
            + "|expires|session-expires|min-se|p-[a-z0-9-]+|x-[a-z0-9-]+|privacy|accept|accept-language|rseq|rack"
            + "|authorization|proxy-authorization|www-authenticate|proxy-authenticate|diversion|history-info"
            + "|referred-by|refer-to|replaces|priority|subject|date|timestamp|organization|allow-events|event"
            + "|subscription-state|content-disposition|retry-after|warning|identity|alert-info|call-info|in-reply-to";

    private static final List<Pattern> PATTERNS = List.of(
            // GUIDs and correlation IDs, and other long hex runs that mix letters and digits
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"),
            Pattern.compile("(?<![0-9a-z])(?=[0-9a-f]*[a-f])(?=[0-9a-f]*[0-9])[0-9a-f]{8,}(?![0-9a-z])"),
            Pattern.compile("0x[0-9a-f]+"),
            // URIs, e-mail addresses, host names with digits
            Pattern.compile("(?:https?|sips?|tel|urn|ftp)://?[^\\s\"'<>]+"),
            Pattern.compile("(?:sips?|tel):[^\\s\"'<>;]+"),
            Pattern.compile("[^\\s\"'<>@,;]+@[^\\s\"'<>,;]+"),
            // IPv4 with optional port, IPv6, ports
            Pattern.compile("(?<![0-9.])\\d{1,3}(?:\\.\\d{1,3}){3}(?::\\d{1,5})?"),
            Pattern.compile("(?<![0-9a-z:])(?:[0-9a-f]{1,4}:){2,7}[0-9a-f]{0,4}(?![0-9a-z:])"),
            Pattern.compile("\\b(?:port|ports)\\s*[:=#]?\\s*\\d+(?:\\s*(?:-|to|and|,)\\s*\\d+)*"),
            // dates and times (ISO, US and European, month names), durations like 00:03:12
            Pattern.compile("\\d{4}-\\d{1,2}-\\d{1,2}(?:[t ]\\d{1,2}:\\d{2}(?::\\d{2}(?:[.,]\\d+)?)?(?:z|[+-]\\d{2}:?\\d{2})?)?"),
            Pattern.compile("(?<![0-9])\\d{1,4}[/.-]\\d{1,2}[/.-]\\d{1,4}(?![0-9])"),
            Pattern.compile("\\b" + MONTH + "\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?"),
            Pattern.compile("(?<![0-9])\\d{1,2}(?:st|nd|rd|th)?\\s+" + MONTH + "(?:,?\\s+\\d{4})?"),
            Pattern.compile("(?<![0-9])\\d{1,2}:\\d{2}(?::\\d{2}(?:[.,]\\d+)?)?(?:\\s?[ap]\\.?m\\.?)?"),
            // phone numbers: E.164, grouped national forms, and any run of 7 or more digits
            Pattern.compile("\\+\\d[\\d\\s().-]{5,}\\d"),
            Pattern.compile("\\(\\d{2,4}\\)[\\s.-]?\\d{2,4}[\\s.-]?\\d{3,4}"),
            Pattern.compile("(?<![0-9])\\d{3}[.-]\\d{3}[.-]\\d{4}(?![0-9])"),
            Pattern.compile("(?<![0-9])\\d{3} \\d{3} \\d{4}(?![0-9])"),
            Pattern.compile("(?<![0-9])\\d{7,}(?![0-9])"),
            // SIP request lines, header lines, SDP lines
            Pattern.compile("(?m)^[ \\t]*(?:invite|ack|bye|cancel|options|register|prack|update|refer|notify|subscribe"
                    + "|info|message|publish)[ \\t]+\\S+[ \\t]+sip/2\\.0[ \\t]*$"),
            Pattern.compile("(?m)^[ \\t]*(?:" + SIP_HEADER + ")[ \\t]*:.*$"),
            Pattern.compile("(?m)^[ \\t]*[a-z]=\\S.*$"),
            Pattern.compile("sip/2\\.0"),
            // key=value pairs whose numbers are not codes
            Pattern.compile("\\b(?:hresult|cause|cseq|max-forwards|content-length|expires|session-expires|min-se"
                    + "|rseq|branch|tag|ttl|version|ver|build|line|step|page|ext|extension|room|ticket|case|incident"
                    + "|request|order|id|pid|thread|retry|retries|attempt|timeout|duration|size|length|bytes|count"
                    + "|total|sample|samples|v)\\s*[:=#]?\\s*[0-9][0-9.]*"),
            // counts, sizes and durations: "5 calls", "12 x", "x12", "30 s", "40%" ("503 errors" stays a code)
            Pattern.compile("(?<![0-9])\\d+\\s*(?:calls?|times?|attempts?|tries|rows?|records?|lines?|users?|people"
                    + "|agents?|devices?|phones?|sites?|sbcs?|trunks?|channels?|sessions?|minutes?|mins?|seconds?|secs?"
                    + "|ms|s|hours?|hrs?|h|days?|d|weeks?|months?|years?|yrs?|%|percent|occurrences?|instances?|x|kb|mb"
                    + "|gb|bytes?|kbps|mbps|hz|khz)(?![a-z])"),
            Pattern.compile("(?<![a-z0-9])[x\\u00d7#]\\s?\\d+"),
            Pattern.compile("(?<![0-9])\\d+(?:\\.\\d+)+"));

    private Noise() {
    }

    /** Marks every noise span of the folded text in the mask. */
    static void mask(String folded, boolean[] mask) {
        for (Pattern pattern : PATTERNS) {
            Matcher m = pattern.matcher(folded);
            while (m.find()) {
                for (int i = m.start(); i < m.end(); i++) {
                    mask[i] = true;
                }
            }
        }
    }
}
