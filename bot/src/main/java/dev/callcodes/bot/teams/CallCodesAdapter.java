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

    CallCodesAdapter(BotSettings settings) {
        super(credentials(settings), new AuthenticationConfiguration(), null, null, null);
        dispatcher.setMaxRequests(Math.max(64, settings.maxRequestsPerHost()));
        dispatcher.setMaxRequestsPerHost(settings.maxRequestsPerHost());
        connectionPool = new ConnectionPool(settings.maxRequestsPerHost(), 5, TimeUnit.MINUTES);
        maxRetries = settings.maxRetries();
    }

    static AppCredentials credentials(BotSettings settings) {
        if (!settings.authenticationEnabled()) {
            return MicrosoftAppCredentials.empty();
        }
        return settings.appType() == BotSettings.AppType.SINGLE_TENANT
                ? new MicrosoftAppCredentials(settings.appId(), settings.appPassword(), settings.tenantId())
                : new MicrosoftAppCredentials(settings.appId(), settings.appPassword());
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
        return new RestConnectorClient(RestConnectorClient.getDefaultRestClientBuilder(serviceUrl, credentials)
                .withDispatcher(dispatcher)
                .withConnectionPool(connectionPool)
                .withRetryStrategy(new ReplyRetryStrategy(maxRetries))
                .build());
    }
}
