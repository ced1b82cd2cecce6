package dev.callcodes.catalog.intake;

import dev.callcodes.catalog.Originator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The lines of SIP traces: status lines ("SIP/2.0 403 Forbidden"), request lines ("OPTIONS sip:... SIP/2.0"),
 * header lines, SDP lines, and what some headers say: the Reason header's protocol, cause and text, the CSeq method,
 * and the Server or User-Agent that names who generated a response. Works on folded (lower-case) lines; every
 * method is one pass over the line.
 */
final class SipLines {

    static final Set<String> METHODS = Set.of("invite", "ack", "bye", "cancel", "options", "register", "prack",
            "update", "refer", "notify", "subscribe", "info", "message", "publish");

    /** Headers only SIP messages have: a line starting with one is a SIP header, whatever surrounds it. */
    private static final Set<String> SIP_ONLY_HEADERS = Set.copyOf(List.of("via", "call-id", "cseq", "max-forwards",
            "content-length", "contact", "record-route", "route", "allow", "supported", "require",
            "proxy-require", "session-expires", "min-se", "rseq", "rack", "www-authenticate",
            "proxy-authenticate", "proxy-authorization", "diversion", "history-info", "referred-by", "refer-to",
            "replaces", "allow-events", "subscription-state", "content-disposition", "alert-info", "call-info",
            "privacy", "ms-diagnostics", "ms-diagnostics-public"));

    /**
     * Header names that are also words of e-mails, forms and prose, and SIP's one-letter compact forms: SIP headers
     * only inside a SIP message. (Reason is read by its own form: "Reason: Q.850;...".)
     */
    private static final Set<String> AMBIGUOUS_HEADERS = Set.copyOf(List.of("from", "to", "date", "subject", "event", "priority",
            "organization", "warning", "accept", "accept-language", "accept-encoding", "expires", "authorization",
            "timestamp", "in-reply-to", "identity", "retry-after", "unsupported", "error-info", "mime-version",
            "server", "user-agent", "content-type", "v", "i", "l", "m", "k", "c", "f", "t", "x", "s", "e", "o",
            "u", "r", "j", "reason"));

    private SipLines() {
    }

    /** The final or provisional status code of a status line, and where it is; null when the line is none. */
    record Status(int code, int start, int end) {
    }

    static Status status(String f) {
        for (int at = f.indexOf("sip/2.0"); at >= 0; at = f.indexOf("sip/2.0", at + 7)) {
            int i = at + 7;
            int spaces = 0;
            while (i < f.length() && (f.charAt(i) == ' ' || f.charAt(i) == '\t')) {
                i++;
                spaces++;
            }
            if (spaces == 0 || i + 3 > f.length()) {
                continue;
            }
            int end = i;
            while (end < f.length() && NoiseMask.isDigit(f.charAt(end))) {
                end++;
            }
            if (end - i == 3 && (end == f.length() || !Character.isLetterOrDigit(f.charAt(end)) && f.charAt(end) != '/')) {
                return new Status(Integer.parseInt(f.substring(i, end)), i, end);
            }
        }
        return null;
    }

    /** The method of a request line ("INVITE sip:+1425... SIP/2.0", after any log prefix), or null. */
    static String requestMethod(String f) {
        String line = f.strip();
        if (!line.endsWith("sip/2.0")) {
            return null;
        }
        for (String word : line.split("[ \\t]+", 8)) {
            if (METHODS.contains(word)) {
                return word;
            }
        }
        return null;
    }

    /** The header name of a "Name: value" line, lower case, or null when the line is not one. */
    static String headerName(String f) {
        int i = 0;
        while (i < f.length() && (f.charAt(i) == ' ' || f.charAt(i) == '\t')) {
            i++;
        }
        int start = i;
        while (i < f.length() && (Character.isLetterOrDigit(f.charAt(i)) || f.charAt(i) == '-') && i - start < 40) {
            i++;
        }
        if (i == start || !Character.isLetter(f.charAt(start))) {
            return null;
        }
        int nameEnd = i;
        while (i < f.length() && f.charAt(i) == ' ') {
            i++;
        }
        return i < f.length() && f.charAt(i) == ':' ? f.substring(start, nameEnd) : null;
    }

    /** Whether a header name always means SIP; {@code inSipMessage} admits the names e-mails share. */
    static boolean isSipHeader(String name, boolean inSipMessage) {
        return SIP_ONLY_HEADERS.contains(name) || name.startsWith("x-") || name.startsWith("p-")
                || name.startsWith("ms-") || inSipMessage && AMBIGUOUS_HEADERS.contains(name);
    }

    /** An SDP line: one letter, '=', a value ("m=audio 49170 RTP/SAVP 0", "a=rtpmap:101 ..."). */
    static boolean isSdp(String f) {
        String line = f.stripLeading();
        return line.length() >= 3 && line.charAt(1) == '=' && line.charAt(0) >= 'a' && line.charAt(0) <= 'z'
                && line.charAt(2) != ' ';
    }

    /** The method named by a CSeq header ("CSeq: 2 INVITE"), or null. */
    static String cseqMethod(String f) {
        int colon = f.indexOf(':');
        String[] words = f.substring(colon + 1).strip().split("[ \\t]+");
        String last = words[words.length - 1];
        return METHODS.contains(last) ? last : null;
    }

    /**
     * One reason of a Reason header: its protocol ("q.850" or "sip"), cause, and text.
     *
     * @param text the text parameter as written in the original (not folded) line, quotes removed, or null
     */
    record Reason(String protocol, Integer cause, String text) {
    }

    /** The reasons of a Reason header's value, from {@code start} (its first protocol token) on, in order. */
    static List<Reason> reasons(String original, int start) {
        String value = original.substring(start);
        List<Reason> reasons = new ArrayList<>(2);
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                quoted = !quoted;
                part.append(c);
            } else if (!quoted && (c == ';' || c == ',')) {
                parts.add(part.toString().strip());
                part.setLength(0);
                if (c == ',') {
                    addReason(parts, reasons);
                    parts.clear();
                }
            } else {
                part.append(c);
            }
        }
        parts.add(part.toString().strip());
        addReason(parts, reasons);
        return reasons;
    }

    private static void addReason(List<String> parts, List<Reason> out) {
        if (parts.isEmpty() || parts.get(0).isEmpty()) {
            return;
        }
        String protocol = parts.get(0).toLowerCase(Locale.ROOT);
        Integer cause = null;
        String text = null;
        for (String param : parts.subList(1, parts.size())) {
            int eq = param.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String name = param.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String value = param.substring(eq + 1).strip();
            if (name.equals("cause") && value.length() <= 4 && !value.isEmpty()
                    && value.chars().allMatch(Character::isDigit)) {
                cause = Integer.parseInt(value);
            } else if (name.equals("text")) {
                text = value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                        ? value.substring(1, value.length() - 1) : value.replace("\"", "");
            }
        }
        if (protocol.equals("q.850") || protocol.equals("sip") || protocol.equals("q850")) {
            out.add(new Reason(protocol.replace("q850", "q.850"), cause, text));
        }
    }

    /**
     * Where the value of a Reason header starts in the line (its protocol token, "Q.850" or "SIP"), or -1: a Reason
     * header line ("Reason: Q.850;cause=63;..."), one wrapped onto its own line after "REASON:", or one quoted in
     * prose ("Reason header: Q.850 ;cause=63 ;text=..."). Reason written as an English word is not one.
     */
    static int reasonStart(String f) {
        String name = headerName(f);
        if ("reason".equals(name)) {
            int value = f.indexOf(':') + 1;
            while (value < f.length() && f.charAt(value) == ' ') {
                value++;
            }
            if (f.startsWith("q.850", value) || f.startsWith("q850", value) || f.startsWith("sip;", value)
                    || f.startsWith("sip ;", value)) {
                return value;
            }
        }
        int q850 = protocolAt(f, "q.850");
        return q850 >= 0 ? q850 : protocolAt(f, "sip");
    }

    /** Where "PROTOCOL;" (spaces allowed before the ';') followed by a cause or text parameter starts, or -1. */
    private static int protocolAt(String f, String protocol) {
        for (int at = f.indexOf(protocol); at >= 0; at = f.indexOf(protocol, at + protocol.length())) {
            int i = at + protocol.length();
            while (i < f.length() && f.charAt(i) == ' ') {
                i++;
            }
            if (i >= f.length() || f.charAt(i) != ';' || at > 0 && Character.isLetterOrDigit(f.charAt(at - 1))) {
                continue;
            }
            i++;
            while (i < f.length() && f.charAt(i) == ' ') {
                i++;
            }
            if (f.startsWith("cause", i) || f.startsWith("text", i)) {
                return at;
            }
        }
        return -1;
    }

    /**
     * Who a Server or User-Agent header says generated the response: Microsoft's SIP proxy or another Microsoft
     * component, or anything else (an SBC, a PBX, a carrier's device, all on the customer's side of the trunk).
     */
    static Originator senderOf(String headerValue) {
        String value = headerValue.toLowerCase(Locale.ROOT);
        return value.contains("microsoft") || value.contains("pstnhub") ? Originator.MICROSOFT : Originator.SBC;
    }
}
