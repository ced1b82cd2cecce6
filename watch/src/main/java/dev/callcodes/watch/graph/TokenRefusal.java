package dev.callcodes.watch.graph;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the token endpoint's refusal means for an admin. Entra ID answers {@code invalid_client} for several
 * different faults; the {@code AADSTS} number in the description tells them apart. The reason keeps the number and
 * the first sentence of Microsoft's description, and drops trace and correlation ids.
 */
public enum TokenRefusal {
    SECRET_EXPIRED(7000222, "the client secret has expired: create a new one (App registrations > Certificates & secrets) and set CALLCODES_GRAPH_CLIENT_SECRET"),
    SECRET_INVALID(7000215, "the client secret is wrong (is it the secret's value, not its ID?): set CALLCODES_GRAPH_CLIENT_SECRET"),
    APP_NOT_FOUND(700016, "no app with this client ID in the tenant: check CALLCODES_GRAPH_CLIENT_ID and CALLCODES_GRAPH_TENANT_ID"),
    TENANT_NOT_FOUND(90002, "the tenant does not exist: check CALLCODES_GRAPH_TENANT_ID"),
    CERTIFICATE_NOT_REGISTERED(700027, "the certificate is not registered on the app, or has expired: upload its public key to the app registration"),
    OTHER(0, "the token endpoint refused the app's credentials");

    private static final Pattern AADSTS = Pattern.compile("AADSTS(\\d+)");
    private final int code;
    private final String advice;

    TokenRefusal(int code, String advice) {
        this.code = code;
        this.advice = advice;
    }

    public String advice() {
        return advice;
    }

    public static TokenRefusal of(String description) {
        Integer number = aadsts(description);
        for (TokenRefusal refusal : values()) {
            if (number != null && refusal.code == number) {
                return refusal;
            }
        }
        return OTHER;
    }

    /** {@code "the client secret has expired ... (AADSTS7000222: The provided client secret keys ... are expired.)"} */
    public static String reason(String errorCode, String description) {
        TokenRefusal refusal = of(description);
        String first = firstSentence(description);
        return refusal.advice + " (" + (first.isEmpty() ? errorCode : first) + ")";
    }

    static Integer aadsts(String description) {
        if (description == null) {
            return null;
        }
        Matcher m = AADSTS.matcher(description);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    static String firstSentence(String description) {
        if (description == null) {
            return "";
        }
        String text = description.strip();
        int cut = text.length();
        for (String end : new String[] {"\r", "\n", " Trace ID:", ". "}) {
            int at = text.indexOf(end);
            if (at >= 0 && at < cut) {
                cut = end.equals(". ") ? at + 1 : at;
            }
        }
        return text.substring(0, cut).strip();
    }
}
