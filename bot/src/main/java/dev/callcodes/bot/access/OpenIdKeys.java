package dev.callcodes.bot.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * A tenant's token issuer and signing keys, from its OpenID metadata and the JWKS it names, cached. Keys are fetched
 * again after a day, or when a token names a key not yet seen (at most every five minutes: Entra rolls keys over
 * rarely, and a forged kid must not make the app fetch on every request); a failed fetch is not retried for a
 * minute, so a metadata outage costs one request a minute, not one per token.
 */
final class OpenIdKeys {

    static final Duration REFRESH = Duration.ofHours(24);
    static final Duration UNKNOWN_KEY_REFETCH = Duration.ofMinutes(5);
    static final Duration AFTER_FAILURE = Duration.ofMinutes(1);
    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(10);
    private static final int MAX_DOCUMENT_BYTES = 1 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The issuer and keys as last fetched. */
    record Keys(String issuer, Map<String, PublicKey> byId, long fetchedAt) {
    }

    /** The keys cannot be had now: tokens cannot be checked, so callers are told to retry. */
    static final class Unavailable extends Exception {
        Unavailable() {
            super(null, null, false, false);
        }
    }

    private final HttpClient http;
    private final String metadataUrl;
    private final Clock clock;
    private Keys keys;
    private long lastAttempt = Long.MIN_VALUE;
    private boolean lastFailed;
    private int fetches;

    OpenIdKeys(HttpClient http, String metadataUrl, Clock clock) {
        this.http = http;
        this.metadataUrl = metadataUrl;
        this.clock = clock;
    }

    /** The current keys, fetched first when there are none yet or they are a day old. */
    synchronized Keys current() throws Unavailable {
        long now = clock.millis();
        if (keys == null || now - keys.fetchedAt() > REFRESH.toMillis()) {
            refresh(now);
        }
        if (keys == null) {
            throw new Unavailable();
        }
        return keys;
    }

    /** A key by its id, fetching the keys again if it is new to us and they were not fetched lately. */
    synchronized PublicKey key(String id) throws Unavailable {
        Keys known = current();
        PublicKey key = known.byId().get(id);
        long now = clock.millis();
        if (key == null && now - lastAttempt > UNKNOWN_KEY_REFETCH.toMillis()) {
            refresh(now);
            key = keys.byId().get(id);
        }
        return key;
    }

    /** How many times the metadata was fetched; for tests. */
    synchronized int fetches() {
        return fetches;
    }

    private void refresh(long now) {
        if (lastFailed && now - lastAttempt < AFTER_FAILURE.toMillis()) {
            return;
        }
        lastAttempt = now;
        fetches++;
        try {
            JsonNode metadata = fetch(URI.create(metadataUrl));
            String issuer = metadata.path("issuer").asText("");
            String jwksUri = metadata.path("jwks_uri").asText("");
            if (issuer.isEmpty() || !sameKindOfPlace(jwksUri)) {
                throw new IOException("the metadata names no issuer or no usable jwks_uri");
            }
            Map<String, PublicKey> byId = new HashMap<>();
            for (JsonNode jwk : fetch(URI.create(jwksUri)).path("keys")) {
                if ("RSA".equals(jwk.path("kty").asText()) && !"enc".equals(jwk.path("use").asText())
                        && jwk.hasNonNull("kid")) {
                    byId.put(jwk.path("kid").asText(), rsa(jwk.path("n").asText(), jwk.path("e").asText()));
                }
            }
            keys = new Keys(issuer, Map.copyOf(byId), now);
            lastFailed = false;
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            lastFailed = true;
        } catch (InterruptedException e) {
            lastFailed = true;
            Thread.currentThread().interrupt();
        }
    }

    /** The keys must come from where the metadata does: https, or this machine for a test stub. */
    private boolean sameKindOfPlace(String url) {
        return url.startsWith("https://") || metadataUrl.startsWith("http://127.0.0.1:") && url.startsWith(
                "http://127.0.0.1:") || metadataUrl.startsWith("http://localhost:") && url.startsWith("http://localhost:");
    }

    private JsonNode fetch(URI uri) throws IOException, InterruptedException {
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(uri).timeout(FETCH_TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException("HTTP " + response.statusCode());
            }
            byte[] bytes = body.readNBytes(MAX_DOCUMENT_BYTES + 1);
            if (bytes.length > MAX_DOCUMENT_BYTES) {
                throw new IOException("the document is too large");
            }
            return JSON.readTree(bytes);
        }
    }

    private static PublicKey rsa(String modulus, String exponent) throws GeneralSecurityException {
        Base64.Decoder url = Base64.getUrlDecoder();
        return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                new BigInteger(1, url.decode(modulus)), new BigInteger(1, url.decode(exponent))));
    }
}
