package dev.callcodes.bot.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.bot.connector.authentication.OpenIdMetadata;
import com.microsoft.bot.connector.authentication.OpenIdMetadataKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Bot Framework's token signing keys, read from its OpenID metadata (the document, then its {@code jwks_uri}).
 * Replaces the SDK's CachingOpenIdMetadata, which has no timeouts, drops the keys it holds when a fetch fails and
 * then fetches again for every token that names a key, so that each forged token became an outbound request while
 * the metadata could not be read. Here: fetches time out, a failed fetch keeps the keys held, and whatever happens
 * there is at most one fetch per {@link #MIN_BETWEEN_FETCHES}; an unknown key id looks for a rotated-in key at most
 * once per {@link #UNKNOWN_KEY_RECHECK}, and the keys are read again after {@link #REFRESH_AFTER}.
 */
final class SigningKeys implements OpenIdMetadata {

    static final Duration REFRESH_AFTER = Duration.ofHours(24);
    static final Duration UNKNOWN_KEY_RECHECK = Duration.ofMinutes(5);
    static final Duration MIN_BETWEEN_FETCHES = Duration.ofSeconds(30);
    static final Duration FETCH_TIMEOUT = Duration.ofSeconds(10);
    private static final int MAX_DOCUMENT_BYTES = 1 << 20;

    private static final Logger LOG = LoggerFactory.getLogger(SigningKeys.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI metadataUrl;
    private final HttpClient http;
    private final Clock clock;
    private volatile Map<String, OpenIdMetadataKey> keys = Map.of();
    private volatile Instant fetchedAt = Instant.EPOCH;
    private Instant lastAttempt = Instant.EPOCH;

    SigningKeys(URI metadataUrl, HttpClient http, Clock clock) {
        this.metadataUrl = metadataUrl;
        this.http = http;
        this.clock = clock;
    }

    @Override
    public OpenIdMetadataKey getKey(String keyId) {
        if (keyId == null) {
            return null; // nothing to look up: not worth a fetch
        }
        Instant now = clock.instant();
        OpenIdMetadataKey key = keys.get(keyId);
        boolean stale = now.isAfter(fetchedAt.plus(REFRESH_AFTER));
        if (stale || (key == null && now.isAfter(fetchedAt.plus(UNKNOWN_KEY_RECHECK)))) {
            refresh(now);
            key = keys.get(keyId);
        }
        return key;
    }

    private synchronized void refresh(Instant now) {
        if (now.isBefore(lastAttempt.plus(MIN_BETWEEN_FETCHES))) {
            return;
        }
        lastAttempt = now;
        try {
            JsonNode metadata = get(metadataUrl);
            String jwksUri = metadata.path("jwks_uri").asText("");
            if (jwksUri.isEmpty()) {
                throw new IOException("the metadata has no jwks_uri");
            }
            Map<String, OpenIdMetadataKey> read = keys(get(metadataUrl.resolve(jwksUri)));
            if (read.isEmpty()) {
                throw new IOException("the key set has no RSA signing key");
            }
            keys = read;
            fetchedAt = now;
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not read the Bot Framework signing keys from {} ({}); keeping the {} key(s) held, no new"
                    + " attempt for {} s", metadataUrl, e.toString(), keys.size(), MIN_BETWEEN_FETCHES.toSeconds());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private JsonNode get(URI uri) throws IOException, InterruptedException {
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(uri).timeout(FETCH_TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException("HTTP " + response.statusCode() + " from " + uri);
            }
            byte[] bytes = body.readNBytes(MAX_DOCUMENT_BYTES + 1);
            if (bytes.length > MAX_DOCUMENT_BYTES) {
                throw new IOException(uri + " is over " + MAX_DOCUMENT_BYTES + " bytes");
            }
            return JSON.readTree(bytes);
        }
    }

    /** The RSA keys of a JWK set, by key id, with their endorsements (the channels each key may sign for). */
    static Map<String, OpenIdMetadataKey> keys(JsonNode jwks) {
        Map<String, OpenIdMetadataKey> keys = new HashMap<>();
        for (JsonNode jwk : jwks.path("keys")) {
            String kid = jwk.path("kid").asText("");
            if (!"RSA".equals(jwk.path("kty").asText()) || kid.isEmpty()) {
                continue;
            }
            try {
                OpenIdMetadataKey key = new OpenIdMetadataKey();
                key.key = (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                        unsigned(jwk.path("n").asText()), unsigned(jwk.path("e").asText())));
                key.endorsements = strings(jwk.get("endorsements"));
                key.certificateChain = strings(jwk.get("x5c"));
                keys.put(kid, key);
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                LOG.warn("Skipped an unreadable signing key ({})", e.toString());
            }
        }
        return keys;
    }

    private static BigInteger unsigned(String base64Url) {
        return new BigInteger(1, Base64.getUrlDecoder().decode(base64Url));
    }

    private static List<String> strings(JsonNode array) {
        if (array == null || !array.isArray()) {
            return null;
        }
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
