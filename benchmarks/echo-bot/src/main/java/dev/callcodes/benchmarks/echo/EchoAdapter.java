package dev.callcodes.benchmarks.echo;

import com.microsoft.bot.builder.BotFrameworkAdapter;
import com.microsoft.bot.connector.ConnectorClient;
import com.microsoft.bot.connector.authentication.AppCredentials;
import com.microsoft.bot.connector.authentication.AuthenticationConfiguration;
import com.microsoft.bot.connector.authentication.MicrosoftAppCredentials;
import com.microsoft.bot.connector.rest.RestConnectorClient;
import com.microsoft.bot.restclient.retry.RetryStrategy;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.Response;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The SDK adapter set up as the bot sets up its own (bot/.../teams/CallCodesAdapter): one OkHttp dispatcher and
 * connection pool shared by every connector client, the per-host limit raised from OkHttp's 5, and a retry strategy
 * installed (the stub connector never fails, so it only adds its interceptor, as the bot's does).
 */
final class EchoAdapter extends BotFrameworkAdapter {

    private final Map<String, ConnectorClient> clients = new ConcurrentHashMap<>();
    private final Dispatcher dispatcher = new Dispatcher();
    private final ConnectionPool connectionPool;

    EchoAdapter(int maxRequestsPerHost) {
        super(MicrosoftAppCredentials.empty(), new AuthenticationConfiguration(), null, null, null);
        dispatcher.setMaxRequests(Math.max(64, maxRequestsPerHost));
        dispatcher.setMaxRequestsPerHost(maxRequestsPerHost);
        connectionPool = new ConnectionPool(maxRequestsPerHost, 5, TimeUnit.MINUTES);
    }

    @Override
    protected CompletableFuture<ConnectorClient> getOrCreateConnectorClient(String serviceUrl,
                                                                            AppCredentials usingCredentials) {
        AppCredentials credentials = usingCredentials != null ? usingCredentials : MicrosoftAppCredentials.empty();
        String key = keyForConnectorClient(serviceUrl, credentials.getAppId(), credentials.oAuthScope());
        return CompletableFuture.completedFuture(clients.computeIfAbsent(key, k ->
                new RestConnectorClient(RestConnectorClient.getDefaultRestClientBuilder(serviceUrl, credentials)
                        .withDispatcher(dispatcher)
                        .withConnectionPool(connectionPool)
                        .withRetryStrategy(new NoRetries())
                        .build())));
    }

    private static final class NoRetries extends RetryStrategy {
        NoRetries() {
            super("echo-no-retries", false);
        }

        @Override
        public boolean shouldRetry(int retryCount, Response response) {
            return false;
        }
    }
}
