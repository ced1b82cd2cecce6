package dev.callcodes.bot;

import java.util.Locale;
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
 */
public record BotSettings(String appId, String appPassword, AppType appType, String tenantId,
                          int maxRequestsPerHost, int maxRetries, int maxBodyBytes, boolean logMessageText,
                          int maxReportBytes) {

    public enum AppType { SINGLE_TENANT, MULTI_TENANT }

    public static final String APP_ID = "MicrosoftAppId";
    public static final String APP_PASSWORD = "MicrosoftAppPassword";
    public static final String APP_TYPE = "MicrosoftAppType";
    public static final String TENANT_ID = "MicrosoftAppTenantId";
    public static final String MAX_REQUESTS_PER_HOST = "CALLCODES_CONNECTOR_MAX_REQUESTS_PER_HOST";
    public static final String MAX_RETRIES = "CALLCODES_CONNECTOR_MAX_RETRIES";
    public static final String MAX_BODY_BYTES = "CALLCODES_API_MAX_BODY_BYTES";
    public static final String LOG_MESSAGE_TEXT = "CALLCODES_LOG_MESSAGE_TEXT";
    public static final String MAX_REPORT_BYTES = "CALLCODES_REPORT_MAX_BYTES";

    public BotSettings {
        appId = blankToEmpty(appId);
        appPassword = blankToEmpty(appPassword);
        tenantId = blankToEmpty(tenantId);
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
        return new BotSettings(
                lookup.apply(APP_ID),
                lookup.apply(APP_PASSWORD),
                appType(lookup.apply(APP_TYPE)),
                lookup.apply(TENANT_ID),
                number(lookup, MAX_REQUESTS_PER_HOST, 64, 1, 1000),
                number(lookup, MAX_RETRIES, 4, 0, 10),
                number(lookup, MAX_BODY_BYTES, 4 * 1024 * 1024, 1024, 256 * 1024 * 1024),
                flag(lookup, LOG_MESSAGE_TEXT),
                number(lookup, MAX_REPORT_BYTES, 64 * 1024 * 1024, 1024, 1024 * 1024 * 1024));
    }

    /** Without an app ID the bot trusts every caller: fine on a laptop, which is where the local chat page lives. */
    public boolean authenticationEnabled() {
        return !appId.isEmpty();
    }

    public boolean localChatEnabled() {
        return !authenticationEnabled();
    }

    @Override
    public String toString() {
        return "BotSettings[appId=" + appId + ", appPassword=" + (appPassword.isEmpty() ? "" : "***")
                + ", appType=" + appType + ", tenantId=" + tenantId + ", maxRequestsPerHost=" + maxRequestsPerHost
                + ", maxRetries=" + maxRetries + ", maxBodyBytes=" + maxBodyBytes
                + ", logMessageText=" + logMessageText + ", maxReportBytes=" + maxReportBytes + "]";
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
