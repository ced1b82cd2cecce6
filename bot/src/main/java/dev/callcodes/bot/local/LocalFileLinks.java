package dev.callcodes.bot.local;

import java.net.URI;
import java.util.function.IntSupplier;
import java.util.regex.Pattern;

/**
 * The links of the local file endpoint, which stands in for OneDrive when the local chat page sends a file: the
 * page uploads the file to the app, then sends an activity whose {@code downloadUrl} points back at the app, as
 * Teams' would point at OneDrive. In local mode these are the only links the bot downloads from or uploads to, so
 * the one place that writes them is also the one that recognises them.
 */
public final class LocalFileLinks {

    public static final String PATH = "/local/files/";
    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final String host;
    private final IntSupplier port;

    /**
     * @param bindAddress where the server listens (a wildcard address means this machine's loopback)
     * @param port        the server's port, known once it has started
     */
    public LocalFileLinks(String bindAddress, IntSupplier port) {
        this.host = switch (bindAddress) {
            case "0.0.0.0", "localhost" -> "127.0.0.1";
            case "::", "::0", "0:0:0:0:0:0:0:0" -> "::1";
            default -> bindAddress;
        };
        this.port = port;
    }

    String urlFor(String id) {
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port.getAsInt() + PATH + id;
    }

    /** Whether a link is one this app wrote: plain http to itself, the file path and an id, nothing else. */
    public boolean isOwn(URI uri) {
        String uriHost = uri.getHost();
        if (!"http".equals(uri.getScheme()) || uriHost == null || uri.getRawUserInfo() != null
                || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getPort() != port.getAsInt()) {
            return false;
        }
        String bare = uriHost.startsWith("[") ? uriHost.substring(1, uriHost.length() - 1) : uriHost;
        String path = uri.getRawPath();
        return bare.equals(host) && path != null && path.startsWith(PATH)
                && ID.matcher(path.substring(PATH.length())).matches();
    }
}
