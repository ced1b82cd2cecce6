package dev.callcodes.bot.access;

import com.sun.net.httpserver.HttpServer;
import dev.callcodes.bot.MovableClock;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A metadata outage costs one fetch a minute, not one per token (the SDK's cache fetched on every bad token). */
class OpenIdKeysTest {

    @Test
    void aFailedFetchIsNotRepeatedForAMinute() throws Exception {
        AtomicInteger hits = new AtomicInteger();
        HttpServer down = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        down.createContext("/", exchange -> {
            hits.incrementAndGet();
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        down.start();
        MovableClock clock = new MovableClock(Instant.parse("2026-11-20T09:00:00Z"));
        try {
            OpenIdKeys keys = new OpenIdKeys(HttpClient.newHttpClient(), "http://127.0.0.1:" + down.getAddress().getPort()
                    + "/tenant/v2.0/.well-known/openid-configuration", clock);

            for (int i = 0; i < 50; i++) {
                assertThatThrownBy(() -> keys.key("kid")).isInstanceOf(OpenIdKeys.Unavailable.class);
            }
            assertThat(hits.get()).isEqualTo(1);

            clock.advance(OpenIdKeys.AFTER_FAILURE.plus(Duration.ofSeconds(1)));
            assertThatThrownBy(keys::current).isInstanceOf(OpenIdKeys.Unavailable.class);
            assertThat(hits.get()).isEqualTo(2);
            assertThat(keys.fetches()).isEqualTo(2);
        } finally {
            down.stop(0);
        }
    }
}
