package dev.callcodes.bot;

import dev.callcodes.store.StoreSettings;
import dev.callcodes.watch.WatchSettings;
import dev.callcodes.watch.WatchSettingsException;
import dev.callcodes.team.notes.NoteEditors;

import java.util.AbstractMap;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Every setting the bot reads, mapped from the environment in this one place. The Bot Framework names
 * ({@code MicrosoftAppId} and friends) are the ones Azure's templates and the Bot Framework docs use; the rest are
 * {@code CALLCODES_*}. Secrets come only from the environment (or a key vault reference in it), never from files.
 *
 * @param appId             {@code MicrosoftAppId}; empty means a local bot with authentication off
 * @param appPassword       {@code MicrosoftAppPassword}
 * @param appType           {@code MicrosoftAppType}: SingleTenant (default) or MultiTenant
 * @param tenantId          {@code MicrosoftAppTenantId}; required for SingleTenant
 * @param maxRequestsPerHost {@code CALLCODES_CONNECTOR_MAX_REQUESTS_PER_HOST}: concurrent replies to the Teams
 *                          connector; OkHttp's default of 5 queues replies because every reply goes to one host
 * @param maxRetries        {@code CALLCODES_CONNECTOR_MAX_RETRIES}: retries of a reply Teams throttled or dropped
 * @param maxBodyBytes      {@code CALLCODES_API_MAX_BODY_BYTES}: the largest request body /api/* accepts
 * @param logMessageText    {@code CALLCODES_LOG_MESSAGE_TEXT}: log what users wrote (off: logs carry only counts)
 * @param maxReportBytes    {@code CALLCODES_REPORT_MAX_BYTES}: the largest report file read, uploaded in Teams or
 *                          posted to /api/report, counted after unzipping (a month of 100,000 calls is about 24 MB)
 * @param server            how the HTTP server protects itself from slow and large requests
 * @param api               who may call /api/* (other than /api/messages, which the Bot Framework token guards)
 * @param store             {@code CALLCODES_STORE} and its settings: where notes, feedback, usage and the watch's state
 *                          live (files under {@code CALLCODES_DATA_DIR}, or Azure Blob Storage)
 * @param watch             {@code CALLCODES_WATCH_*} and {@code CALLCODES_GRAPH_*}: the failure watch, off unless
 *                          Graph credentials or {@code CALLCODES_WATCH_SOURCE=demo} are set
 * @param noteEditors       {@code CALLCODES_NOTE_EDITORS}: the Entra object ids of who may add team notes; empty means
 *                          everyone in the tenant
 */
public record BotSettings(String appId, String appPassword, AppType appType, String tenantId,
                          int maxRequestsPerHost, int maxRetries, int maxBodyBytes, boolean logMessageText,
                          int maxReportBytes, Server server, Api api, StoreSettings store,
                          WatchSettings watch, NoteEditors noteEditors) {

    public enum AppType { SINGLE_TENANT, MULTI_TENANT }

    /**
     * @param localBind            {@code CALLCODES_LOCAL_BIND}: the address the local bot listens on (loopback unless
     *                             set); a bot with an app ID listens on every interface, as App Service expects
     * @param maxConcurrentUploads {@code CALLCODES_MAX_CONCURRENT_UPLOADS}: request bodies being received at once;
     *                             more get 503 at once instead of waiting for a thread
     * @param bodyReadSeconds      {@code CALLCODES_BODY_READ_SECONDS}: the time a whole request body may take to arrive
     * @param fileTransferSeconds  {@code CALLCODES_FILE_TRANSFER_SECONDS}: the time a whole file download or upload
     *                             for a chat (Teams' file links) may take, headers and body together
     */
    public record Server(String localBind, int maxConcurrentUploads, int bodyReadSeconds, int fileTransferSeconds) {
    }

    /** {@code CALLCODES_API_AUTH}: how /api/* and /actuator/metrics callers prove who they are. */
    public enum ApiAuth { NONE, API_KEY, ENTRA }

    /**
     * @param auth        {@code CALLCODES_API_AUTH}: {@code none} (the local default), {@code api-key}, or {@code entra}
     *                    (the default with an app ID: a deployed bot's REST API is not open unless asked)
     * @param keys        {@code CALLCODES_API_KEYS}: the keys {@code api-key} accepts, separated by commas
     * @param audience    {@code CALLCODES_API_AUDIENCE}: the audience {@code entra} tokens must carry; defaults to the
     *                    app ID (its {@code api://} form is accepted too)
     * @param openIdMetadata {@code CALLCODES_API_OPENID_METADATA}: where {@code entra} finds the tenant's signing keys
     *                    and issuer; defaults to the tenant's v2.0 OpenID configuration
     */
    public record Api(ApiAuth auth, List<String> keys, String audience, String openIdMetadata) {
        public Api {
            keys = List.copyOf(keys);
        }

        @Override
        public String toString() {
            return "Api[auth=" + auth + ", keys=" + keys.size() + " (hidden), audience=" + audience
                    + ", openIdMetadata=" + openIdMetadata + "]";
        }
    }

    public static final String APP_ID = "MicrosoftAppId";
    public static final String APP_PASSWORD = "MicrosoftAppPassword";
    public static final String APP_TYPE = "MicrosoftAppType";
    public static final String TENANT_ID = "MicrosoftAppTenantId";
    public static final String MAX_REQUESTS_PER_HOST = "CALLCODES_CONNECTOR_MAX_REQUESTS_PER_HOST";
    public static final String MAX_RETRIES = "CALLCODES_CONNECTOR_MAX_RETRIES";
    public static final String MAX_BODY_BYTES = "CALLCODES_API_MAX_BODY_BYTES";
    public static final String LOG_MESSAGE_TEXT = "CALLCODES_LOG_MESSAGE_TEXT";
    public static final String MAX_REPORT_BYTES = "CALLCODES_REPORT_MAX_BYTES";
    public static final String LOCAL_BIND = "CALLCODES_LOCAL_BIND";
    public static final String MAX_CONCURRENT_UPLOADS = "CALLCODES_MAX_CONCURRENT_UPLOADS";
    public static final String BODY_READ_SECONDS = "CALLCODES_BODY_READ_SECONDS";
    public static final String FILE_TRANSFER_SECONDS = "CALLCODES_FILE_TRANSFER_SECONDS";
    public static final String API_AUTH = "CALLCODES_API_AUTH";
    public static final String API_KEYS = "CALLCODES_API_KEYS";
    public static final String API_AUDIENCE = "CALLCODES_API_AUDIENCE";
    public static final String API_OPENID_METADATA = "CALLCODES_API_OPENID_METADATA";
    /** Shorter keys are guessable; a generated key (openssl rand -hex 32) is 64 characters. */
    static final int MIN_API_KEY_LENGTH = 24;

    public BotSettings {
        appId = blankToEmpty(appId);
        appPassword = blankToEmpty(appPassword);
        tenantId = blankToEmpty(tenantId);
        checkIdentity(appId, appPassword, appType, tenantId);
    }

    private static void checkIdentity(String appId, String appPassword, AppType appType, String tenantId) {
        if (appId.isEmpty() && !appPassword.isEmpty()) {
            throw new SettingsException(APP_PASSWORD + " is set but " + APP_ID
                    + " is empty: set both (a bot registered in Azure) or neither (a local bot)");
        }
        if (!appId.isEmpty() && appPassword.isEmpty()) {
            throw new SettingsException(APP_PASSWORD + " is empty: the bot " + APP_ID + "=" + appId
                    + " needs its client secret");
        }
        if (!appId.isEmpty() && appType == AppType.SINGLE_TENANT && tenantId.isEmpty()) {
            throw new SettingsException(TENANT_ID + " is empty: a SingleTenant bot needs the ID of the tenant it"
                    + " is registered in (or set " + APP_TYPE + "=MultiTenant for an older multi-tenant bot)");
        }
    }

    /** Reads the settings through {@code lookup} (the Spring environment, or a map in tests). */
    public static BotSettings from(UnaryOperator<String> lookup) {
        checkIdentity(blankToEmpty(lookup.apply(APP_ID)), blankToEmpty(lookup.apply(APP_PASSWORD)),
                appType(lookup.apply(APP_TYPE)), blankToEmpty(lookup.apply(TENANT_ID)));
        return new BotSettings(
                lookup.apply(APP_ID),
                lookup.apply(APP_PASSWORD),
                appType(lookup.apply(APP_TYPE)),
                lookup.apply(TENANT_ID),
                number(lookup, MAX_REQUESTS_PER_HOST, 64, 1, 1000),
                number(lookup, MAX_RETRIES, 4, 0, 10),
                number(lookup, MAX_BODY_BYTES, 4 * 1024 * 1024, 1024, 256 * 1024 * 1024),
                flag(lookup, LOG_MESSAGE_TEXT),
                number(lookup, MAX_REPORT_BYTES, 64 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
                new Server(localBind(lookup.apply(LOCAL_BIND)),
                        number(lookup, MAX_CONCURRENT_UPLOADS, 128, 1, 10_000),
                        number(lookup, BODY_READ_SECONDS, 60, 1, 3600),
                        number(lookup, FILE_TRANSFER_SECONDS, 60, 1, 3600)),
                api(lookup),
                store(lookup),
                watch(lookup),
                noteEditors(lookup));
    }

    private static WatchSettings watch(UnaryOperator<String> lookup) {
        try {
            return WatchSettings.from(new Lookup(lookup));
        } catch (WatchSettingsException e) {
            throw new SettingsException(e.getMessage());
        }
    }

    /** The watch reads a map; this one asks the environment for each name it is given, and lists nothing. */
    private static final class Lookup extends AbstractMap<String, String> {
        private final UnaryOperator<String> lookup;

        Lookup(UnaryOperator<String> lookup) {
            this.lookup = lookup;
        }

        @Override
        public String get(Object key) {
            return key instanceof String name ? lookup.apply(name) : null;
        }

        @Override
        public boolean containsKey(Object key) {
            return get(key) != null;
        }

        @Override
        public Set<Entry<String, String>> entrySet() {
            return Set.of();
        }
    }

    private static NoteEditors noteEditors(UnaryOperator<String> lookup) {
        try {
            return NoteEditors.parse(lookup.apply(NoteEditors.VARIABLE));
        } catch (IllegalArgumentException e) {
            throw new SettingsException(e.getMessage());
        }
    }

    private static StoreSettings store(UnaryOperator<String> lookup) {
        try {
            return StoreSettings.from(lookup);
        } catch (StoreSettings.StoreSettingsException e) {
            throw new SettingsException(e.getMessage());
        }
    }

    private static String localBind(String value) {
        String v = blankToEmpty(value);
        if (v.isEmpty()) {
            return "127.0.0.1";
        }
        // A literal address or localhost only: a host name would be looked up at start-up, and could change.
        boolean literal = v.equals("localhost") || v.matches("[0-9.]+") && v.split("\\.", -1).length == 4
                || v.contains(":") && v.matches("[0-9A-Fa-f:.]+");
        if (!literal) {
            throw new SettingsException(LOCAL_BIND + "='" + value + "' must be an IP address (0.0.0.0 for every"
                    + " interface, 127.0.0.1 for this machine only)");
        }
        return v;
    }

    private static Api api(UnaryOperator<String> lookup) {
        String appId = blankToEmpty(lookup.apply(APP_ID));
        String tenant = blankToEmpty(lookup.apply(TENANT_ID));
        String mode = blankToEmpty(lookup.apply(API_AUTH)).toLowerCase(Locale.ROOT);
        ApiAuth auth = switch (mode) {
            case "" -> appId.isEmpty() ? ApiAuth.NONE : ApiAuth.ENTRA;
            case "none" -> ApiAuth.NONE;
            case "api-key", "apikey" -> ApiAuth.API_KEY;
            case "entra" -> ApiAuth.ENTRA;
            default -> throw new SettingsException(API_AUTH + "='" + lookup.apply(API_AUTH)
                    + "' is not supported: use none, api-key or entra");
        };
        List<String> keys = Arrays.stream(blankToEmpty(lookup.apply(API_KEYS)).split(","))
                .map(String::strip).filter(k -> !k.isEmpty()).toList();
        if (auth == ApiAuth.API_KEY && keys.isEmpty()) {
            throw new SettingsException(API_KEYS + " is empty: " + API_AUTH + "=api-key needs at least one key"
                    + " (for example from: openssl rand -hex 32)");
        }
        for (int i = 0; i < keys.size(); i++) {
            if (keys.get(i).length() < MIN_API_KEY_LENGTH) {
                // The key itself is a secret: name its position, never its value.
                throw new SettingsException(API_KEYS + ": key " + (i + 1) + " of " + keys.size() + " is shorter than "
                        + MIN_API_KEY_LENGTH + " characters; use a generated key (openssl rand -hex 32)");
            }
        }
        String audience = blankToEmpty(lookup.apply(API_AUDIENCE));
        if (audience.isEmpty()) {
            audience = appId;
        }
        String metadata = blankToEmpty(lookup.apply(API_OPENID_METADATA));
        if (metadata.isEmpty() && !tenant.isEmpty()) {
            metadata = "https://login.microsoftonline.com/" + tenant + "/v2.0/.well-known/openid-configuration";
        }
        if (auth == ApiAuth.ENTRA) {
            if (audience.isEmpty()) {
                throw new SettingsException(API_AUTH + "=entra needs the audience tokens are issued for: set "
                        + API_AUDIENCE + " (or " + APP_ID + ")");
            }
            if (metadata.isEmpty()) {
                // A multi-tenant bot has no tenant of its own; the REST API is never opened by default.
                throw new SettingsException(API_AUTH + (mode.isEmpty() ? " is not set, and a bot with " + APP_ID
                        + " defaults to entra," : "=entra") + " which needs the tenant that issues the tokens: set "
                        + TENANT_ID + " (or " + API_OPENID_METADATA + "), or choose " + API_AUTH + "=api-key (with "
                        + API_KEYS + ") or " + API_AUTH + "=none");
            }
            if (!metadata.startsWith("https://") && !metadata.startsWith("http://127.0.0.1:")
                    && !metadata.startsWith("http://localhost:")) {
                throw new SettingsException(API_OPENID_METADATA + "='" + metadata + "' must be an https URL");
            }
        }
        return new Api(auth, keys, audience, metadata);
    }

    /** Without an app ID the bot trusts every caller: fine on a laptop, which is where the local chat page lives. */
    public boolean authenticationEnabled() {
        return !appId.isEmpty();
    }

    public boolean localChatEnabled() {
        return !authenticationEnabled();
    }

    /** Where the server listens: the local bot on {@code CALLCODES_LOCAL_BIND}; a bot in Azure everywhere (null). */
    public String bindAddress() {
        return localChatEnabled() ? server.localBind() : null;
    }

    @Override
    public String toString() {
        return "BotSettings[appId=" + appId + ", appPassword=" + (appPassword.isEmpty() ? "" : "***")
                + ", appType=" + appType + ", tenantId=" + tenantId + ", maxRequestsPerHost=" + maxRequestsPerHost
                + ", maxRetries=" + maxRetries + ", maxBodyBytes=" + maxBodyBytes
                + ", logMessageText=" + logMessageText + ", maxReportBytes=" + maxReportBytes + ", server=" + server
                + ", api=" + api + ", watch=" + watch + ", noteEditors=" + noteEditors + "]";
    }

    private static AppType appType(String value) {
        String v = blankToEmpty(value).toLowerCase(Locale.ROOT).replace("-", "");
        return switch (v) {
            case "", "singletenant" -> AppType.SINGLE_TENANT;
            case "multitenant" -> AppType.MULTI_TENANT;
            default -> throw new SettingsException(APP_TYPE + "='" + value
                    + "' is not supported: use SingleTenant (the default) or MultiTenant");
        };
    }

    private static int number(UnaryOperator<String> lookup, String name, int fallback, int min, int max) {
        String value = blankToEmpty(lookup.apply(name));
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below with the allowed range
        }
        throw new SettingsException(name + "='" + value + "' must be a whole number from " + min + " to " + max);
    }

    private static boolean flag(UnaryOperator<String> lookup, String name) {
        String value = blankToEmpty(lookup.apply(name)).toLowerCase(Locale.ROOT);
        return switch (value) {
            case "", "false", "0", "no", "off" -> false;
            case "true", "1", "yes", "on" -> true;
            default -> throw new SettingsException(name + "='" + value + "' must be true or false");
        };
    }

    private static String blankToEmpty(String value) {
        return value == null ? "" : value.strip();
    }

    /** A setting that stops the app at start-up; its message names the variable and the bad value. */
    public static final class SettingsException extends RuntimeException {
        SettingsException(String message) {
            super(message);
        }
    }
}
