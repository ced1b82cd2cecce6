package dev.callcodes.bot.teams;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The key cache's rules against a metadata server that works or fails as the test says, on a clock it moves. */
class SigningKeysTest {

    private final MovableClock clock = new MovableClock();
    private final AtomicInteger fetches = new AtomicInteger();
    private volatile boolean failing;
    private volatile String keyId = "key-1";
    private HttpServer server;
    private SigningKeys keys;
    private RSAPublicKey publicKey;

    @BeforeEach
    void start() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        publicKey = (RSAPublicKey) generator.generateKeyPair().getPublic();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            boolean metadata = exchange.getRequestURI().getPath().endsWith("openidconfiguration");
            if (metadata) {
                fetches.incrementAndGet();
            }
            String body = failing ? "{}" : metadata ? "{\"jwks_uri\":\"/keys\"}"
                    : "{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"" + keyId + "\",\"n\":\"" + b64(publicKey.getModulus())
                    + "\",\"e\":\"" + b64(publicKey.getPublicExponent()) + "\",\"endorsements\":[\"msteams\"]}]}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(failing ? 500 : 200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        keys = new SigningKeys(URI.create("http://127.0.0.1:" + server.getAddress().getPort()
                + "/v1/.well-known/openidconfiguration"), HttpClient.newHttpClient(), clock);
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static String b64(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private void after(Duration wait) {
        clock.advance(wait);
    }

    @Test
    void keysAreReadOnceAndServedFromMemory() {
        assertThat(keys.getKey("key-1").key).isEqualTo(publicKey);
        assertThat(keys.getKey("key-1").endorsements).containsExactly("msteams");
        for (int i = 0; i < 100; i++) {
            keys.getKey("key-1");
            keys.getKey("forged-" + i);
        }

        assertThat(fetches.get()).isEqualTo(1);
    }

    @Test
    void aFailedFetchIsNotRepeatedForEveryToken() {
        failing = true;
        for (int i = 0; i < 100; i++) {
            assertThat(keys.getKey("forged-" + i)).isNull();
        }
        assertThat(fetches.get()).isEqualTo(1);

        after(SigningKeys.MIN_BETWEEN_FETCHES.plusSeconds(1));
        failing = false;
        assertThat(keys.getKey("key-1")).isNotNull();
        assertThat(fetches.get()).isEqualTo(2);
    }

    @Test
    void aFailedRefreshKeepsTheKeysHeld() {
        assertThat(keys.getKey("key-1")).isNotNull();
        failing = true;
        after(SigningKeys.REFRESH_AFTER.plusMinutes(1));

        assertThat(keys.getKey("key-1")).as("still held after the refresh failed").isNotNull();
        assertThat(fetches.get()).isEqualTo(2);
    }

    @Test
    void anUnknownKeyIdLooksForARotatedKeyAtMostEveryFewMinutes() {
        keys.getKey("key-1");
        keyId = "key-2";
        assertThat(keys.getKey("key-2")).isNull();
        assertThat(fetches.get()).isEqualTo(1);

        after(SigningKeys.UNKNOWN_KEY_RECHECK.plusSeconds(1));
        assertThat(keys.getKey("key-2")).isNotNull();
        assertThat(fetches.get()).isEqualTo(2);
    }

    @Test
    void aTokenWithoutAKeyIdNeverFetches() {
        keys.getKey("key-1");
        after(Duration.ofHours(1));

        assertThat(keys.getKey(null)).isNull();
        assertThat(fetches.get()).isEqualTo(1);
    }
}
