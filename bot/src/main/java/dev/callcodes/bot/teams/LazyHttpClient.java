package dev.callcodes.bot.teams;

import java.net.http.HttpClient;
import java.util.function.Supplier;

/**
 * An HTTP client built on first use. Building one sets up TLS (the default SSLContext and its trust store), about a
 * fifth of a second of the bot's start, for clients that a local bot or a chat without files never uses.
 */
final class LazyHttpClient implements Supplier<HttpClient> {

    private final HttpClient.Builder builder;
    private volatile HttpClient client;

    LazyHttpClient(HttpClient.Builder builder) {
        this.builder = builder;
    }

    @Override
    public HttpClient get() {
        HttpClient built = client;
        if (built == null) {
            synchronized (this) {
                built = client;
                if (built == null) {
                    built = builder.build();
                    client = built;
                }
            }
        }
        return built;
    }
}
