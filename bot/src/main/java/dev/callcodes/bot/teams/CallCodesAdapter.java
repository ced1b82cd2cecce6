package dev.callcodes.bot.teams;

import com.microsoft.bot.builder.BotFrameworkAdapter;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.connector.ConnectorClient;
import com.microsoft.bot.connector.authentication.AppCredentials;
import com.microsoft.bot.connector.authentication.AuthenticationConfiguration;
import com.microsoft.bot.connector.authentication.ClaimsIdentity;
import com.microsoft.bot.connector.authentication.JwtTokenValidation;
import com.microsoft.bot.connector.authentication.MicrosoftAppCredentials;
import com.microsoft.bot.connector.authentication.SimpleCredentialProvider;
import com.microsoft.bot.connector.rest.RestConnectorClient;
import com.microsoft.bot.restclient.RestClient;
import com.microsoft.bot.restclient.ServiceResponseBuilder;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import com.microsoft.bot.schema.ResourceResponse;
import dev.callcodes.bot.BotSettings;
import io.micrometer.core.instrument.MeterRegistry;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import retrofit2.Retrofit;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The SDK's adapter with connector clients tuned for Teams: one dispatcher shared by all of them, allowing more than
 * OkHttp's 5 concurrent calls per host (every Teams reply goes to the same smba host, so the default queues replies
 * behind each other); replies retried inside the send ({@link ReplyRetryStrategy}), and a reply that still fails kept
 * and sent again for a while ({@link KeptReplies}).
 */
final class CallCodesAdapter extends BotFrameworkAdapter implements AutoCloseable {

    /** Kept replies in memory: at most this many, and this many characters of JSON (about 64 MB on the heap). */
    static final int MAX_KEPT_REPLIES = 5_000;
    static final long MAX_KEPT_CHARS = 64L * 1024 * 1024;
    /** A connect that takes longer is a dead route: better retried than waited for (the SDK's default is 60 s). */
    static final long CONNECT_TIMEOUT_SECONDS = 10;

    private final Map<String, ConnectorClient> clients = new ConcurrentHashMap<>();
    private final Dispatcher dispatcher = new Dispatcher();
    private final ConnectionPool connectionPool;
    private final ReplyRetryStrategy retries;
    private final boolean authenticated;
    private final AppCredentials appCredentials;
    private final KeptReplies kept;
    private final ChannelTokens tokens;

    /** @param appCredentials the bot's own, for its replies ({@link #credentials}, or a test's) */
    CallCodesAdapter(BotSettings settings, AppCredentials appCredentials, MeterRegistry registry) {
        super(appCredentials, new AuthenticationConfiguration(), null, null, null);
        this.appCredentials = appCredentials;
        dispatcher.setMaxRequests(Math.max(64, settings.maxRequestsPerHost()));
        dispatcher.setMaxRequestsPerHost(settings.maxRequestsPerHost());
        connectionPool = new ConnectionPool(settings.maxRequestsPerHost(), 5, TimeUnit.MINUTES);
        retries = new ReplyRetryStrategy(settings.maxRetries());
        authenticated = settings.authenticationEnabled();
        tokens = new ChannelTokens(settings.appId());
        kept = new KeptReplies(new InMemoryPendingReplies(MAX_KEPT_REPLIES, MAX_KEPT_CHARS), this::resend, registry,
                Clock.systemUTC(), true);
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

    /**
     * Who sent the activity. With an app ID, the channel's token is checked by {@link ChannelTokens}; without one,
     * the SDK's own check lets every caller in (and the replies go only to this machine, {@link #create}).
     */
    CompletableFuture<ClaimsIdentity> authenticate(String authHeader, Activity activity) {
        if (authenticated) {
            return tokens.authenticate(authHeader, activity);
        }
        return JwtTokenValidation.authenticateRequest(activity, authHeader, new SimpleCredentialProvider(), null,
                new AuthenticationConfiguration());
    }

    /**
     * Sends one activity at a time, so that keeping a failed one never resends another that went through. A message
     * whose send fails in a way another attempt may cure is kept ({@link KeptReplies}) and the turn goes on as sent;
     * one that may have arrived is not sent again; other failures reach the turn's error handler as before.
     */
    @Override
    public CompletableFuture<ResourceResponse[]> sendActivities(TurnContext context, List<Activity> activities) {
        CompletableFuture<List<ResourceResponse>> sent = CompletableFuture.completedFuture(new ArrayList<>());
        for (Activity activity : activities) {
            sent = sent.thenCompose(responses -> sendWithinSizeLimit(context, activity).thenApply(response -> {
                responses.add(response);
                return responses;
            }));
        }
        return sent.thenApply(responses -> responses.toArray(ResourceResponse[]::new));
    }

    /** A carousel too large for one Teams message goes as several ({@link TeamsReplies#withinSizeLimit}). */
    private CompletableFuture<ResourceResponse> sendWithinSizeLimit(TurnContext context, Activity activity) {
        List<Activity> parts = TeamsReplies.withinSizeLimit(activity);
        CompletableFuture<ResourceResponse> first = sendOne(context, parts.get(0));
        CompletableFuture<ResourceResponse> last = first;
        for (Activity part : parts.subList(1, parts.size())) {
            last = last.thenCompose(previous -> sendOne(context, part));
        }
        return last.thenCompose(done -> first); // the turn knows the message by its first part
    }

    private CompletableFuture<ResourceResponse> sendOne(TurnContext context, Activity activity) {
        if (!ActivityTypes.MESSAGE.equals(activity.getType()) || activity.getConversation() == null) {
            return super.sendActivities(context, List.of(activity)).thenApply(responses -> responses[0]);
        }
        if (kept.waitsFor(activity.getConversation().getId())) {
            return kept.behind(activity) == KeptReplies.Fate.NOT_KEPT
                    ? CompletableFuture.failedFuture(new IllegalStateException("no room to keep a reply"))
                    : CompletableFuture.completedFuture(new ResourceResponse(""));
        }
        return super.sendActivities(context, List.of(activity))
                .thenApply(responses -> responses[0])
                .exceptionallyCompose(failure -> kept.afterFailure(activity, failure) == KeptReplies.Fate.NOT_KEPT
                        ? CompletableFuture.failedFuture(failure)
                        : CompletableFuture.completedFuture(new ResourceResponse("")));
    }

    /** A kept reply's next attempt, through the same client (and so the same in-request retries) as a turn's. */
    private CompletableFuture<ResourceResponse> resend(Activity activity) {
        return getOrCreateConnectorClient(activity.getServiceUrl(), appCredentials).thenCompose(client ->
                activity.getReplyToId() == null || activity.getReplyToId().isEmpty()
                        ? client.getConversations().sendToConversation(activity)
                        : client.getConversations().replyToActivity(activity));
    }

    @Override
    public void close() {
        kept.close();
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
        // What RestConnectorClient.getDefaultRestClientBuilder does, on an OkHttp builder that carries our retries.
        return new RestConnectorClient(new RestClient.Builder(retries.installOn(new OkHttpClient.Builder()),
                new Retrofit.Builder())
                .withBaseUrl(serviceUrl)
                .withCredentials(credentials)
                .withSerializerAdapter(new ConnectorJson())
                .withResponseBuilderFactory(new ServiceResponseBuilder.Factory())
                .withDispatcher(dispatcher)
                .withConnectionPool(connectionPool)
                .withConnectionTimeout(CONNECT_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .withRetryStrategy(ReplyRetryStrategy.NO_SDK_RETRIES)
                .build());
    }
}
