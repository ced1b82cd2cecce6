package dev.callcodes.store;

import java.net.URI;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Where the shared state lives, read from the environment. The bot's {@code BotSettings} holds one of these; the
 * command line reads the same variables.
 *
 * @param kind             {@code CALLCODES_STORE}: {@code embedded} (default) or {@code azure-blob}
 * @param dataDir          {@code CALLCODES_DATA_DIR}: the embedded store's folder, default {@code ./data}
 * @param blobEndpoint     {@code CALLCODES_BLOB_ENDPOINT}: {@code https://ACCOUNT.blob.core.windows.net}, reached with
 *                         the managed identity (DefaultAzureCredential: in Azure the web app's identity,
 *                         {@code AZURE_CLIENT_ID} picks a user-assigned one; on a laptop {@code az login})
 * @param blobContainer    {@code CALLCODES_BLOB_CONTAINER}: default {@code callcodes}; created when missing
 * @param connectionString {@code CALLCODES_BLOB_CONNECTION_STRING}: instead of the endpoint, for Azurite and tests
 *                         (a secret: never logged)
 */
public record StoreSettings(Kind kind, Path dataDir, URI blobEndpoint, String blobContainer, String connectionString) {

    public enum Kind {
        EMBEDDED("embedded"), AZURE_BLOB("azure-blob");

        private final String value;

        Kind(String value) {
            this.value = value;
        }

        public String value() {
            return value;
        }
    }

    public static final String STORE = "CALLCODES_STORE";
    public static final String DATA_DIR = "CALLCODES_DATA_DIR";
    public static final String BLOB_ENDPOINT = "CALLCODES_BLOB_ENDPOINT";
    public static final String BLOB_CONTAINER = "CALLCODES_BLOB_CONTAINER";
    public static final String BLOB_CONNECTION_STRING = "CALLCODES_BLOB_CONNECTION_STRING";

    public static final String DEFAULT_CONTAINER = "callcodes";

    // Blob Storage's container rule: 3 to 63 of a-z, 0-9 and single hyphens, starting with a letter or digit.
    private static final Pattern CONTAINER = Pattern.compile("(?=.{3,63}$)[a-z0-9]+(-[a-z0-9]+)*");

    public StoreSettings {
        if (kind == Kind.AZURE_BLOB) {
            if (blobEndpoint == null && connectionString == null) {
                throw new StoreSettingsException(STORE + "=azure-blob needs " + BLOB_ENDPOINT
                        + " (https://ACCOUNT.blob.core.windows.net, with a managed identity) or "
                        + BLOB_CONNECTION_STRING + " (Azurite, tests)");
            }
            if (blobEndpoint != null && connectionString != null) {
                throw new StoreSettingsException("set " + BLOB_ENDPOINT + " or " + BLOB_CONNECTION_STRING
                        + ", not both");
            }
        }
    }

    /** Reads the settings through {@code lookup} (the environment, or a map in tests). */
    public static StoreSettings from(UnaryOperator<String> lookup) {
        return new StoreSettings(
                kind(blankToNull(lookup.apply(STORE))),
                dataDir(blankToNull(lookup.apply(DATA_DIR))),
                endpoint(blankToNull(lookup.apply(BLOB_ENDPOINT))),
                container(blankToNull(lookup.apply(BLOB_CONTAINER))),
                blankToNull(lookup.apply(BLOB_CONNECTION_STRING)));
    }

    public static StoreSettings embedded(Path dataDir) {
        return new StoreSettings(Kind.EMBEDDED, dataDir, null, DEFAULT_CONTAINER, null);
    }

    private static Kind kind(String value) {
        if (value == null) {
            return Kind.EMBEDDED;
        }
        for (Kind kind : Kind.values()) {
            if (kind.value.equals(value.strip().toLowerCase(Locale.ROOT))) {
                return kind;
            }
        }
        throw new StoreSettingsException(STORE + "='" + value + "' is not embedded or azure-blob");
    }

    private static Path dataDir(String value) {
        try {
            return Path.of(value == null ? "data" : value.strip());
        } catch (InvalidPathException e) {
            throw new StoreSettingsException(DATA_DIR + "='" + value + "' is not a usable path: " + e.getReason());
        }
    }

    private static URI endpoint(String value) {
        if (value == null) {
            return null;
        }
        try {
            URI uri = URI.create(value.strip());
            boolean https = "https".equals(uri.getScheme());
            boolean loopbackHttp = "http".equals(uri.getScheme())
                    && ("127.0.0.1".equals(uri.getHost()) || "localhost".equals(uri.getHost()));
            if ((https || loopbackHttp) && uri.getHost() != null) {
                return uri;
            }
        } catch (IllegalArgumentException malformed) {
            // reported below
        }
        throw new StoreSettingsException(BLOB_ENDPOINT + "='" + value + "' is not an https URL such as"
                + " https://ACCOUNT.blob.core.windows.net");
    }

    private static String container(String value) {
        if (value == null) {
            return DEFAULT_CONTAINER;
        }
        if (!CONTAINER.matcher(value.strip()).matches()) {
            throw new StoreSettingsException(BLOB_CONTAINER + "='" + value + "' is not a container name: 3 to 63"
                    + " lowercase letters, digits and single hyphens, starting with a letter or digit");
        }
        return value.strip();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** Where the documents are; never the connection string. */
    public String describe() {
        return switch (kind) {
            case EMBEDDED -> "embedded store in " + dataDir.toAbsolutePath().normalize();
            case AZURE_BLOB -> "Azure Blob Storage container " + blobContainer + " at "
                    + (blobEndpoint != null ? blobEndpoint : "the account of " + BLOB_CONNECTION_STRING);
        };
    }

    @Override
    public String toString() {
        return "StoreSettings[" + describe() + "]";
    }

    /** A bad setting: the message names the variable and the value. */
    public static final class StoreSettingsException extends IllegalArgumentException {
        public StoreSettingsException(String message) {
            super(message);
        }
    }
}
