package dev.callcodes.watch.calls;

/**
 * The families an alert calls out by name, because each points somewhere else first. By the catalog's sources:
 * {@code 569xxx} is raised by Microsoft's SIP proxy when it cannot reach the SBC or negotiate TLS with it
 * (certificates, firewalls, the SBC down); {@code 560xxx} means the SBC (or the carrier behind it) sent the final
 * response, its last three digits being that SIP code.
 */
public enum CodeFamily {
    TLS_CONNECTION("TLS and connection failures between Microsoft and the SBC (569xxx)"),
    SBC_GENERATED("sent by the SBC or the carrier behind it (560xxx)"),
    MICROSOFT("sent by a Microsoft service"),
    UNKNOWN("no Microsoft code");

    private final String label;

    CodeFamily(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static CodeFamily of(String microsoftCode) {
        if (microsoftCode == null || microsoftCode.isEmpty()) {
            return UNKNOWN;
        }
        if (microsoftCode.length() == 6 && microsoftCode.startsWith("569")) {
            return TLS_CONNECTION;
        }
        if (microsoftCode.startsWith("560")) {
            return SBC_GENERATED;
        }
        return MICROSOFT;
    }
}
