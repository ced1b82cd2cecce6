package dev.callcodes.bot.access;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code CALLCODES_API_AUTH=entra} against a local stand-in for the tenant's OpenID metadata and JWKS (the JDK's
 * HttpServer, a key pair generated here): a token the tenant signed for the app is let in; every forged kind the
 * probe tried is refused with 401 and a JSON error; health stays open; metrics need the token too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "MicrosoftAppId=", "MicrosoftAppPassword=", "CALLCODES_API_AUTH=entra",
        "MicrosoftAppTenantId=" + EntraAccessTest.TENANT, "CALLCODES_API_AUDIENCE=" + EntraAccessTest.AUDIENCE})
class EntraAccessTest {

    static final String TENANT = "11111111-2222-3333-4444-555555555555";
    static final String AUDIENCE = "99999999-8888-7777-6666-555555555555";
    static final String ISSUER = "https://login.microsoftonline.com/" + TENANT + "/v2.0";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final KeyPair TENANT_KEY = keyPair();
    private static final KeyPair OTHER_KEY = keyPair();
    private static final AtomicInteger METADATA_FETCHES = new AtomicInteger();
    private static final HttpServer OPENID = openIdStub();

    @DynamicPropertySource
    static void metadata(DynamicPropertyRegistry registry) {
        registry.add("CALLCODES_API_OPENID_METADATA", () -> "http://127.0.0.1:" + OPENID.getAddress().getPort()
                + "/" + TENANT + "/v2.0/.well-known/openid-configuration");
    }

    @AfterAll
    static void stop() {
        OPENID.stop(0);
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    private static KeyPair keyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpServer openIdStub() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            server.createContext("/" + TENANT + "/v2.0/.well-known/openid-configuration", exchange -> {
                METADATA_FETCHES.incrementAndGet();
                reply(exchange, Map.of("issuer", ISSUER, "jwks_uri", base + "/" + TENANT + "/discovery/v2.0/keys",
                        "token_endpoint", base + "/" + TENANT + "/oauth2/v2.0/token"));
            });
            server.createContext("/" + TENANT + "/discovery/v2.0/keys", exchange -> {
                RSAPublicKey key = (RSAPublicKey) TENANT_KEY.getPublic();
                reply(exchange, Map.of("keys", List.of(Map.of("kty", "RSA", "use", "sig", "kid", "tenant-key",
                        "n", base64(key.getModulus()), "e", base64(key.getPublicExponent())))));
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void reply(com.sun.net.httpserver.HttpExchange exchange, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static String base64(BigInteger value) {
        byte[] bytes = value.toByteArray();
        int skip = bytes.length > 1 && bytes[0] == 0 ? 1 : 0;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOfRange(bytes, skip,
                bytes.length));
    }

    private static String part(Object json) throws IOException {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(json));
    }

    private static Map<String, Object> claims() {
        long now = System.currentTimeMillis() / 1000;
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("aud", AUDIENCE);
        claims.put("iss", ISSUER);
        claims.put("iat", now);
        claims.put("nbf", now);
        claims.put("exp", now + 3600);
        claims.put("tid", TENANT);
        claims.put("appid", "00000000-0000-0000-0000-0000000000aa");
        return claims;
    }

    private static String token(Map<String, Object> header, Map<String, Object> claims, PrivateKey key)
            throws Exception {
        String signed = part(header) + "." + part(claims);
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(key);
        rsa.update(signed.getBytes(StandardCharsets.US_ASCII));
        return signed + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
    }

    private static String token(Map<String, Object> claims) throws Exception {
        return token(Map.of("alg", "RS256", "typ", "JWT", "kid", "tenant-key"), claims, TENANT_KEY.getPrivate());
    }

    private HttpResponse<String> explain(String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/explain"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"510559 403\"}"));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aTokenTheTenantSignedForTheAppIsLetIn() throws Exception {
        HttpResponse<String> response = explain("Bearer " + token(claims()));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).path("answers").get(0).path("microsoftCode").asText())
                .isEqualTo("510559");

        Map<String, Object> v1 = claims();
        v1.put("iss", "https://sts.windows.net/" + TENANT + "/");
        v1.put("aud", "api://" + AUDIENCE);
        assertThat(explain("Bearer " + token(v1)).statusCode()).as("a v1.0 token for the app's api:// URI")
                .isEqualTo(200);
    }

    @Test
    void everyForgedKindOfTokenIsRefused() throws Exception {
        long now = System.currentTimeMillis() / 1000;
        Map<String, Object> expired = claims();
        expired.put("exp", now - 3600);
        Map<String, Object> notYet = claims();
        notYet.put("nbf", now + 3600);
        Map<String, Object> otherAudience = claims();
        otherAudience.put("aud", "https://graph.microsoft.com");
        Map<String, Object> otherIssuer = claims();
        otherIssuer.put("iss", "https://login.microsoftonline.com/another-tenant/v2.0");
        Map<String, Object> noExpiry = claims();
        noExpiry.remove("exp");
        String good = token(claims());
        String[] parts = good.split("\\.");
        String hs256Header = part(Map.of("alg", "HS256", "typ", "JWT", "kid", "tenant-key"));
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(TENANT_KEY.getPublic().getEncoded(), "HmacSHA256"));
        String hs256 = hs256Header + "." + parts[1] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                mac.doFinal((hs256Header + "." + parts[1]).getBytes(StandardCharsets.US_ASCII)));

        Map<String, String> forged = new LinkedHashMap<>();
        forged.put("missing", null);
        forged.put("not a bearer", "Basic dXNlcjpwYXNz");
        forged.put("malformed", "Bearer not-a-jwt");
        forged.put("unsigned (alg none)", "Bearer " + part(Map.of("alg", "none")) + "." + parts[1] + ".");
        forged.put("HS256 keyed with the public key", "Bearer " + hs256);
        forged.put("signed by a foreign key", "Bearer " + token(Map.of("alg", "RS256", "kid", "tenant-key"), claims(),
                OTHER_KEY.getPrivate()));
        forged.put("unknown key id", "Bearer " + token(Map.of("alg", "RS256", "kid", "someone-else"), claims(),
                OTHER_KEY.getPrivate()));
        forged.put("payload changed after signing", "Bearer " + parts[0] + "." + part(otherAudience) + "." + parts[2]);
        forged.put("expired", "Bearer " + token(expired));
        forged.put("not yet valid", "Bearer " + token(notYet));
        forged.put("no expiry", "Bearer " + token(noExpiry));
        forged.put("wrong audience", "Bearer " + token(otherAudience));
        forged.put("wrong issuer", "Bearer " + token(otherIssuer));
        forged.put("header padded", "Bearer " + "a".repeat(7_000) + "." + parts[1] + "." + parts[2]);

        int fetchesBefore = METADATA_FETCHES.get();
        for (Map.Entry<String, String> attempt : forged.entrySet()) {
            HttpResponse<String> response = explain(attempt.getValue());
            assertThat(response.statusCode()).as(attempt.getKey()).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).as(attempt.getKey()).hasValue("Bearer");
            assertThat(JSON.readTree(response.body()).path("status").asInt()).as(attempt.getKey()).isEqualTo(401);
        }
        for (int i = 0; i < 20; i++) {
            explain("Bearer " + token(Map.of("alg", "RS256", "kid", "forged-" + i), claims(), OTHER_KEY.getPrivate()));
        }
        assertThat(METADATA_FETCHES.get() - fetchesBefore).as("metadata fetches for 34 bad tokens").isLessThanOrEqualTo(1);
    }

    @Test
    void healthIsOpenAndMetricsNeedTheToken() throws Exception {
        assertThat(get("/actuator/health/liveness", null).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/metrics", null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/metrics/callcodes.latency", "Bearer not-a-jwt").statusCode()).isEqualTo(401);
        assertThat(get("/actuator/metrics", "Bearer " + token(claims())).statusCode()).isEqualTo(200);
        assertThat(get("/api/search?q=certificate", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/search?q=certificate", "Bearer " + token(claims())).statusCode()).isEqualTo(200);
    }
}
