package dev.callcodes.watch;

import java.net.URI;
import java.nio.file.Path;

/**
 * How to reach Graph as the tenant's app: client credentials (a secret, or a PKCS#12 certificate with its
 * password). {@code authority} and {@code graphBaseUrl} are overridable so tests point them at local stubs.
 * {@link #toString()} never shows the secret or the password.
 */
public record GraphSettings(
        String tenantId,
        String clientId,
        String clientSecret,
        Path certificatePath,
        String certificatePassword,
        URI authority,
        URI graphBaseUrl) {

    public static final URI DEFAULT_AUTHORITY = URI.create("https://login.microsoftonline.com/");
    public static final URI DEFAULT_GRAPH = URI.create("https://graph.microsoft.com");

    public boolean usesCertificate() {
        return certificatePath != null;
    }

    /** The tenant's authority, as MSAL wants it: {@code https://login.microsoftonline.com/TENANT/}. */
    public String tenantAuthority() {
        String base = authority.toString();
        return (base.endsWith("/") ? base : base + "/") + tenantId + "/";
    }

    /**
     * The app-only scope of the Graph in use ({@code https://graph.microsoft.com/.default}; a national cloud's own
     * Graph host otherwise). A local stub on loopback asks for the public Graph's scope.
     */
    public String scope() {
        String host = graphBaseUrl.getHost() == null ? "" : graphBaseUrl.getHost().toLowerCase(java.util.Locale.ROOT);
        boolean local = host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]");
        URI origin = local ? DEFAULT_GRAPH : graphBaseUrl;
        return origin.getScheme() + "://" + origin.getAuthority() + "/.default";
    }

    public boolean defaultAuthority() {
        return DEFAULT_AUTHORITY.getHost().equalsIgnoreCase(authority.getHost());
    }

    @Override
    public String toString() {
        return "GraphSettings[tenantId=" + tenantId + ", clientId=" + clientId
                + ", credential=" + (usesCertificate() ? "certificate " + certificatePath : "secret (hidden)")
                + ", authority=" + authority + ", graphBaseUrl=" + graphBaseUrl + "]";
    }
}
