package dev.callcodes.watch;

import dev.callcodes.watch.detect.DetectionRules;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The watch's settings, read from the environment in one place. Without Graph credentials (and without
 * {@code CALLCODES_WATCH_SOURCE=demo}) the watch is off and {@link #offReason()} says what to set; a bad value
 * stops start-up with every problem named by its variable ({@link WatchSettingsException}).
 *
 * @param source   where calls come from
 * @param graph    how to reach Graph; null unless the source is {@link Source#GRAPH}
 * @param interval time between polls
 * @param lookback how far back each poll asks again, for records that arrive late (up to about 150 minutes)
 * @param backfill how far back the first poll reads, so that baselines exist from the start
 * @param rules    detection thresholds
 */
public record WatchSettings(
        Source source,
        GraphSettings graph,
        Duration interval,
        Duration lookback,
        Duration backfill,
        DetectionRules rules,
        String offReason) {

    public enum Source { OFF, GRAPH, DEMO }

    public static final String SOURCE = "CALLCODES_WATCH_SOURCE";
    public static final String TENANT_ID = "CALLCODES_GRAPH_TENANT_ID";
    public static final String CLIENT_ID = "CALLCODES_GRAPH_CLIENT_ID";
    public static final String CLIENT_SECRET = "CALLCODES_GRAPH_CLIENT_SECRET";
    public static final String CERTIFICATE_PATH = "CALLCODES_GRAPH_CERTIFICATE_PATH";
    public static final String CERTIFICATE_PASSWORD = "CALLCODES_GRAPH_CERTIFICATE_PASSWORD";
    public static final String AUTHORITY = "CALLCODES_GRAPH_AUTHORITY";
    public static final String GRAPH_BASE_URL = "CALLCODES_GRAPH_BASE_URL";
    public static final String INTERVAL = "CALLCODES_WATCH_INTERVAL";
    public static final String LOOKBACK = "CALLCODES_WATCH_LOOKBACK";
    public static final String BACKFILL = "CALLCODES_WATCH_BACKFILL";
    public static final String WINDOW = "CALLCODES_WATCH_WINDOW";
    public static final String MIN_CALLS = "CALLCODES_WATCH_MIN_CALLS";
    /** The bot's own registration, reused for Graph when {@code CALLCODES_WATCH_SOURCE=graph} names no other. */
    static final String BOT_TENANT_ID = "MicrosoftAppTenantId";
    static final String BOT_APP_ID = "MicrosoftAppId";
    static final String BOT_APP_PASSWORD = "MicrosoftAppPassword";

    static final String OFF_REASON = "the watch is off: set " + TENANT_ID + ", " + CLIENT_ID + " and " + CLIENT_SECRET
            + " (or " + CERTIFICATE_PATH + ") for an app with CallRecords.Read.All or CallRecord-PstnCalls.Read.All,"
            + " or " + SOURCE + "=demo to try it on generated calls";

    /** A directory (tenant) or application ID, as Entra ID writes it. */
    static final Pattern GUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern DOMAIN = Pattern.compile("[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|min|h|d)");
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    public boolean enabled() {
        return source != Source.OFF;
    }

    public static WatchSettings off(String reason) {
        return new WatchSettings(Source.OFF, null, null, null, null, null, reason);
    }

    public static WatchSettings fromEnvironment() {
        return from(System.getenv());
    }

    public static WatchSettings from(Map<String, String> env) {
        List<String> problems = new ArrayList<>();
        Source source = source(env, problems);
        if (source == Source.OFF) {
            if (!problems.isEmpty()) {
                throw new WatchSettingsException(problems);
            }
            return off("off".equalsIgnoreCase(value(env, SOURCE)) ? "the watch is off (" + SOURCE + "=off)" : OFF_REASON);
        }
        boolean demo = source == Source.DEMO;
        GraphSettings graph = demo ? null : graph(env, problems);
        Duration interval = duration(env, INTERVAL, demo ? Duration.ofSeconds(10) : Duration.ofMinutes(15),
                demo ? Duration.ofSeconds(1) : Duration.ofMinutes(1), Duration.ofHours(24), problems);
        Duration lookback = duration(env, LOOKBACK, Duration.ofHours(3), Duration.ofMinutes(1), Duration.ofDays(30),
                problems);
        Duration backfill = duration(env, BACKFILL, demo ? Duration.ofDays(1) : Duration.ofDays(7), Duration.ZERO, Duration.ofDays(30), problems);
        Duration window = duration(env, WINDOW, demo ? Duration.ofMinutes(5) : Duration.ofMinutes(60),
                Duration.ofMinutes(1), Duration.ofHours(24), problems);
        int minCalls = integer(env, MIN_CALLS, DetectionRules.defaults().minCalls(), 1, 1_000_000, problems);
        if (interval != null && lookback != null && lookback.compareTo(interval) < 0) {
            problems.add(LOOKBACK + ": '" + env.get(LOOKBACK) + "' is shorter than " + INTERVAL
                    + " (" + interval + "): calls between polls would be missed");
        }
        if (!problems.isEmpty()) {
            throw new WatchSettingsException(problems);
        }
        DetectionRules rules = DetectionRules.defaults().withWindow(window).withMinCalls(minCalls);
        return new WatchSettings(source, graph, interval, lookback, backfill, rules, null);
    }

    private static Source source(Map<String, String> env, List<String> problems) {
        String value = value(env, SOURCE);
        if (value == null) {
            boolean anyGraph = value(env, TENANT_ID) != null || value(env, CLIENT_ID) != null
                    || value(env, CLIENT_SECRET) != null || value(env, CERTIFICATE_PATH) != null;
            return anyGraph ? Source.GRAPH : Source.OFF;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "graph" -> Source.GRAPH;
            case "demo" -> Source.DEMO;
            case "off" -> Source.OFF;
            default -> {
                problems.add(SOURCE + ": '" + value + "' is not a source (use graph, demo or off)");
                yield Source.OFF;
            }
        };
    }

    private static GraphSettings graph(Map<String, String> env, List<String> problems) {
        boolean explicit = "graph".equalsIgnoreCase(value(env, SOURCE));
        // In Azure the bot's own app registration may also read call records, once granted the permission.
        boolean reuseBot = explicit && value(env, CLIENT_ID) == null;
        String tenant = value(env, TENANT_ID) != null ? value(env, TENANT_ID) : reuseBot ? value(env, BOT_TENANT_ID) : null;
        String client = reuseBot ? value(env, BOT_APP_ID) : value(env, CLIENT_ID);
        String secret = reuseBot && value(env, CERTIFICATE_PATH) == null ? value(env, BOT_APP_PASSWORD)
                : value(env, CLIENT_SECRET);
        String certificate = value(env, CERTIFICATE_PATH);
        String password = env.getOrDefault(CERTIFICATE_PASSWORD, "");

        if (tenant == null) {
            problems.add(TENANT_ID + ": missing (the directory (tenant) ID, a GUID, or a domain such as contoso.onmicrosoft.com)");
        } else if (!GUID.matcher(tenant).matches() && !DOMAIN.matcher(tenant).matches()) {
            problems.add(TENANT_ID + ": '" + tenant + "' is neither a tenant ID (GUID) nor a domain name");
        }
        if (client == null) {
            problems.add(CLIENT_ID + ": missing (the application (client) ID of the app registration)");
        } else if (!GUID.matcher(client).matches()) {
            problems.add(CLIENT_ID + ": '" + client + "' is not an application (client) ID (a GUID)");
        }
        Path certificatePath = null;
        if (secret != null && certificate != null) {
            problems.add(CLIENT_SECRET + " and " + CERTIFICATE_PATH + ": both are set; set one");
        } else if (secret == null && certificate == null) {
            problems.add(CLIENT_SECRET + ": missing (or set " + CERTIFICATE_PATH + " to a PKCS#12 file)");
        } else if (certificate != null) {
            certificatePath = Path.of(certificate);
            if (!Files.isRegularFile(certificatePath) || !Files.isReadable(certificatePath)) {
                problems.add(CERTIFICATE_PATH + ": '" + certificate + "' is not a readable file");
            }
        }
        URI authority = url(env, AUTHORITY, GraphSettings.DEFAULT_AUTHORITY, false, problems);
        URI graphBase = url(env, GRAPH_BASE_URL, GraphSettings.DEFAULT_GRAPH, true, problems);
        return new GraphSettings(tenant, client, secret, certificatePath, certificatePath == null ? null : password,
                authority, graphBase);
    }

    private static URI url(Map<String, String> env, String name, URI fallback, boolean httpOnLoopback,
                           List<String> problems) {
        String value = value(env, name);
        if (value == null) {
            return fallback;
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            problems.add(name + ": '" + value + "' is not a URL");
            return fallback;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            problems.add(name + ": '" + value + "' is not an absolute URL without query or fragment");
        } else if (scheme.equals("http") && httpOnLoopback && LOOPBACK.contains(uri.getHost().toLowerCase(Locale.ROOT))) {
            return uri;
        } else if (!scheme.equals("https")) {
            problems.add(name + ": '" + value + "' must use https"
                    + (httpOnLoopback ? " (http only on localhost, for a local stub)" : " (MSAL accepts no other scheme)"));
        }
        return uri;
    }

    private static Duration duration(Map<String, String> env, String name, Duration fallback, Duration min,
                                     Duration max, List<String> problems) {
        String value = value(env, name);
        if (value == null) {
            return fallback;
        }
        Duration parsed = parseDuration(value);
        if (parsed == null) {
            problems.add(name + ": '" + value + "' is not a duration (use 30s, 15m, 3h, 7d or ISO-8601 such as PT15M)");
            return fallback;
        }
        if (parsed.compareTo(min) < 0 || parsed.compareTo(max) > 0) {
            problems.add(name + ": '" + value + "' is outside " + words(min) + " to " + words(max));
            return fallback;
        }
        return parsed;
    }

    /** {@code 30s}, {@code 15m}, {@code 3h}, {@code 7d}, or ISO-8601 ({@code PT15M}, {@code P7D}); null if neither. */
    public static Duration parseDuration(String text) {
        String trimmed = text.trim().toLowerCase(Locale.ROOT);
        Matcher m = SHORT_DURATION.matcher(trimmed);
        if (m.matches()) {
            long amount = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m", "min" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        }
        try {
            return Duration.parse(trimmed.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static int integer(Map<String, String> env, String name, int fallback, int min, int max,
                               List<String> problems) {
        String value = value(env, name);
        if (value == null) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(name + ": '" + value + "' is not a whole number from " + min + " to " + max);
        return fallback;
    }

    private static String words(Duration d) {
        if (d.isZero()) {
            return "0";
        }
        if (d.toDays() > 0 && d.equals(Duration.ofDays(d.toDays()))) {
            return d.toDays() + "d";
        }
        if (d.toHours() > 0 && d.equals(Duration.ofHours(d.toHours()))) {
            return d.toHours() + "h";
        }
        if (d.toMinutes() > 0 && d.equals(Duration.ofMinutes(d.toMinutes()))) {
            return d.toMinutes() + "m";
        }
        return d.toSeconds() + "s";
    }

    private static String value(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    @Override
    public String toString() {
        return "WatchSettings[source=" + source + ", graph=" + graph + ", interval=" + interval + ", lookback="
                + lookback + ", backfill=" + backfill + ", rules=" + rules + (offReason == null ? "" : ", " + offReason)
                + "]";
    }
}
