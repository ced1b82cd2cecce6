package dev.callcodes.bot.teams;

import com.microsoft.bot.builder.BotFrameworkAdapter;
import com.microsoft.bot.connector.ConnectorClient;
import com.microsoft.bot.connector.authentication.AppCredentials;
import com.microsoft.bot.connector.authentication.AuthenticationConfiguration;
import com.microsoft.bot.connector.authentication.MicrosoftAppCredentials;
import com.microsoft.bot.connector.rest.RestConnectorClient;
import dev.callcodes.bot.BotSettings;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The SDK's adapter with connector clients tuned for Teams: one dispatcher shared by all of them, allowing more than
 * OkHttp's 5 concurrent calls per host (every Teams reply goes to the same smba host, so the default queues replies
 * behind each other), and replies retried with backoff when Teams throttles.
 */
final class CallCodesAdapter extends BotFrameworkAdapter {

    private final Map<String, ConnectorClient> clients = new ConcurrentHashMap<>();
    private final Dispatcher dispatcher = new Dispatcher();
    private final ConnectionPool connectionPool;
    private final int maxRetries;
    private final boolean authenticated;

    CallCodesAdapter(BotSettings settings) {
        super(credentials(settings), new AuthenticationConfiguration(), null, null, null);
        dispatcher.setMaxRequests(Math.max(64, settings.maxRequestsPerHost()));
        dispatcher.setMaxRequestsPerHost(settings.maxRequestsPerHost());
        connectionPool = new ConnectionPool(settings.maxRequestsPerHost(), 5, TimeUnit.MINUTES);
        maxRetries = settings.maxRetries();
        authenticated = settings.authenticationEnabled();
    }

    static AppCredentials credentials(BotSettings settings) {
        if (!settings.authenticationEnabled()) {
            return MicrosoftAppCredentials.empty();
        }
        return settings.appType() == BotSettings.AppType.SINGLE_TENANT
                ? new MicrosoftAppCredentials(settings.appId(), settings.appPassword(), settings.tenantId())
                : new MicrosoftAppCredentials(settings.appId(), settings.appPassword());
    }

    static boolean isLoopback(String serviceUrl) {
        try {
            String host = URI.create(serviceUrl).getHost();
            return host != null && (host.equals("localhost") || InetAddress.getByName(host).isLoopbackAddress());
        } catch (IllegalArgumentException | UnknownHostException e) {
            return false;
        }
    }

    int maxRequestsPerHost() {
        return dispatcher.getMaxRequestsPerHost();
    }

    @Override
    protected CompletableFuture<ConnectorClient> getOrCreateConnectorClient(String serviceUrl,
                                                                            AppCredentials usingCredentials) {
        AppCredentials credentials = usingCredentials != null ? usingCredentials : MicrosoftAppCredentials.empty();
        String key = keyForConnectorClient(serviceUrl, credentials.getAppId(), credentials.oAuthScope());
        try {
            return CompletableFuture.completedFuture(
                    clients.computeIfAbsent(key, k -> create(serviceUrl, credentials)));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(
                    new IllegalArgumentException("Invalid serviceUrl: " + serviceUrl, e));
        }
    }

    private ConnectorClient create(String serviceUrl, AppCredentials credentials) {
        if (!authenticated && !isLoopback(serviceUrl)) {
            // Without an app ID anyone can post activities; replies must not become requests to any host they name.
            throw new IllegalArgumentException("without MicrosoftAppId the bot replies only to connectors on this"
                    + " machine, not to " + serviceUrl);
        }
        return new RestConnectorClient(RestConnectorClient.getDefaultRestClientBuilder(serviceUrl, credentials)
                .withDispatcher(dispatcher)
                .withConnectionPool(connectionPool)
                .withRetryStrategy(new ReplyRetryStrategy(maxRetries))
                .build());
    }
}
