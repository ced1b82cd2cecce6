package dev.callcodes.bot.teams;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTCreator;
import com.auth0.jwt.algorithms.Algorithm;
import com.microsoft.bot.connector.authentication.AppCredentials;
import com.microsoft.bot.connector.authentication.ChannelValidation;
import com.microsoft.bot.connector.authentication.MicrosoftAppCredentials;
import com.microsoft.bot.schema.Activity;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bot Framework authentication end to end, without the internet: the Bot Framework's OpenID metadata and key set
 * come from a local stub (the SDK's {@link ChannelValidation#setOpenIdMetaDataUrl} points at it), and the bot's own
 * client-credentials token request goes to a local token endpoint (over HTTPS, as MSAL requires). A correctly signed
 * token gets its reply through, carrying the token the stub issued; every forged kind gets 401 and no reply; a
 * metadata endpoint that fails is asked once, not once per forged token.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "MicrosoftAppId=" + AuthenticationEndToEndTest.APP_ID,
        "MicrosoftAppPassword=test-only-not-a-secret",
        "MicrosoftAppTenantId=" + AuthenticationEndToEndTest.TENANT_ID})
@Import(AuthenticationEndToEndTest.LocalLogin.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthenticationEndToEndTest {

    static final String APP_ID = "00000000-0000-0000-0000-0000000000a1";
    static final String TENANT_ID = "00000000-0000-0000-0000-0000000000b2";
    private static final String ISSUER = "https://api.botframework.com";
    private static final String KEY_ID = "stub-signing-key";
    private static final String ISSUED_TOKEN = "stub-access-token-for-replies";
    private static final Duration WAIT = Duration.ofSeconds(20);

    private static final KeyPair BOT_FRAMEWORK_KEY = rsa();
    private static final KeyPair FOREIGN_KEY = rsa();
    private static final Map<String, AtomicInteger> metadataHits = new ConcurrentHashMap<>();
    private static final CopyOnWriteArrayList<String> tokenRequests = new CopyOnWriteArrayList<>();
    private static HttpServer metadata;
    private static HttpsServer login;
    private static StubConnector connector;
    private static String originalMetadataUrl;
    private static SSLSocketFactory originalSocketFactory;

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    /** The bot's credentials with the login endpoint on this machine. */
    @TestConfiguration
    static class LocalLogin {
        @Bean
        @Primary
        AppCredentials localLoginCredentials() {
            return new MicrosoftAppCredentials(APP_ID, "test-only-not-a-secret", TENANT_ID) {
                @Override
                public String oAuthEndpoint() {
                    // An ADFS-shaped authority: MSAL sends the token request to it without first asking
                    // login.microsoftonline.com to validate an unknown host (instance discovery).
                    return "https://localhost:" + login.getAddress().getPort() + "/adfs/";
                }
            };
        }
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64Url(java.math.BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @BeforeAll
    void startStubs() throws Exception {
        connector = new StubConnector();
        metadata = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        String base = "http://127.0.0.1:" + metadata.getAddress().getPort();
        RSAPublicKey key = (RSAPublicKey) BOT_FRAMEWORK_KEY.getPublic();
        metadata.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            metadataHits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            switch (path) {
                case "/v1/.well-known/openidconfiguration" -> respond(exchange, 200, "{\"issuer\":\"" + ISSUER
                        + "\",\"jwks_uri\":\"" + base + "/v1/keys\",\"id_token_signing_alg_values_supported\":"
                        + "[\"RS256\"]}");
                case "/v1/keys" -> respond(exchange, 200, "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"kid\":\""
                        + KEY_ID + "\",\"n\":\"" + base64Url(key.getModulus()) + "\",\"e\":\""
                        + base64Url(key.getPublicExponent()) + "\",\"endorsements\":[\"msteams\"]}]}");
                default -> respond(exchange, 503, "{\"error\":\"down\"}");
            }
        });
        metadata.start();
        originalMetadataUrl = ChannelValidation.getOpenIdMetaDataUrl();
        ChannelValidation.setOpenIdMetaDataUrl(base + "/v1/.well-known/openidconfiguration");

        KeyStore tls = KeyStore.getInstance("PKCS12");
        try (InputStream in = getClass().getResourceAsStream("/teams/auth/token-stub-tls.p12")) {
            tls.load(in, "test-only".toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(tls, "test-only".toCharArray());
        SSLContext server = SSLContext.getInstance("TLS");
        server.init(keys.getKeyManagers(), null, null);
        login = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        login.setHttpsConfigurator(new HttpsConfigurator(server));
        login.createContext("/", exchange -> {
            tokenRequests.add(exchange.getRequestURI().getPath() + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            respond(exchange, 200, "{\"token_type\":\"Bearer\",\"expires_in\":3600,\"access_token\":\""
                    + ISSUED_TOKEN + "\"}");
        });
        login.start();
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(tls);
        SSLContext client = SSLContext.getInstance("TLS");
        client.init(null, trust.getTrustManagers(), null);
        originalSocketFactory = HttpsURLConnection.getDefaultSSLSocketFactory();
        HttpsURLConnection.setDefaultSSLSocketFactory(client.getSocketFactory());
    }

    @AfterAll
    void stopStubs() throws IOException {
        ChannelValidation.setOpenIdMetaDataUrl(originalMetadataUrl);
        HttpsURLConnection.setDefaultSSLSocketFactory(originalSocketFactory);
        metadata.stop(0);
        login.stop(0);
        connector.close();
    }

    @BeforeEach
    void drainConnector() throws InterruptedException {
        while (!connector.idle(Duration.ofMillis(50))) {
            // replies of an earlier test
        }
    }

    private Activity message() {
        Activity activity = Activities.personal("510559 403");
        activity.setServiceUrl(connector.serviceUrl());
        return activity;
    }

    private int post(Activity activity, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/messages"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Activities.JSON.writeValueAsString(activity)));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    /** A token as the Bot Framework issues one to this bot, which each forged kind changes in one way. */
    private static JWTCreator.Builder channelToken() {
        Instant now = Instant.now();
        return JWT.create().withKeyId(KEY_ID).withIssuer(ISSUER).withAudience(APP_ID)
                .withClaim("serviceurl", connector.serviceUrl())
                .withNotBefore(Date.from(now.minusSeconds(60))).withExpiresAt(Date.from(now.plusSeconds(600)));
    }

    private static Algorithm botFramework() {
        return Algorithm.RSA256((RSAPublicKey) BOT_FRAMEWORK_KEY.getPublic(),
                (RSAPrivateKey) BOT_FRAMEWORK_KEY.getPrivate());
    }

    /** Each forged kind the security probe tried, by name. */
    private static Map<String, String> forgedHeaders() {
        Map<String, String> forged = new LinkedHashMap<>();
        forged.put("missing", null);
        forged.put("malformed", "Bearer not-a-jwt");
        forged.put("malformed header", "Bearer " + Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"alg\":\"RS256\"\n2026-12-01 INFO forged log line".getBytes(StandardCharsets.UTF_8)) + ".e30.x");
        forged.put("not bearer", "Basic " + channelToken().sign(botFramework()));
        forged.put("unsigned (alg none)", "Bearer " + channelToken().sign(Algorithm.none()));
        forged.put("HS256 with the public key as secret", "Bearer " + channelToken()
                .sign(Algorithm.HMAC256(BOT_FRAMEWORK_KEY.getPublic().getEncoded())));
        forged.put("a foreign key under the real key id", "Bearer " + channelToken().sign(Algorithm.RSA256(
                (RSAPublicKey) FOREIGN_KEY.getPublic(), (RSAPrivateKey) FOREIGN_KEY.getPrivate())));
        forged.put("a foreign key under its own key id", "Bearer " + channelToken().withKeyId("attacker-key\nINFO x")
                .sign(Algorithm.RSA256((RSAPublicKey) FOREIGN_KEY.getPublic(),
                        (RSAPrivateKey) FOREIGN_KEY.getPrivate())));
        forged.put("expired", "Bearer " + channelToken().withNotBefore(Date.from(Instant.now().minusSeconds(7200)))
                .withExpiresAt(Date.from(Instant.now().minusSeconds(3600))).sign(botFramework()));
        forged.put("wrong audience", "Bearer " + channelToken().withAudience("another-bot").sign(botFramework()));
        forged.put("wrong issuer", "Bearer " + channelToken().withIssuer("https://issuer.example")
                .sign(botFramework()));
        forged.put("an Emulator issuer", "Bearer " + channelToken()
                .withIssuer("https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/").sign(botFramework()));
        forged.put("another service URL", "Bearer " + channelToken().withClaim("serviceurl", "https://evil.example/")
                .sign(botFramework()));
        return forged;
    }

    @Test
    void aCorrectlySignedTokenIsAcceptedAndTheReplyCarriesTheTokenFromTheLocalLogin() throws Exception {
        assertThat(post(message(), "Bearer " + channelToken().sign(botFramework()))).isEqualTo(202);

        StubConnector.Request reply = connector.take(WAIT);
        assertThat(reply.headers().get("authorization")).isEqualTo("Bearer " + ISSUED_TOKEN);
        assertThat(reply.body().path("attachments").get(0).path("content").toString()).contains("510559");
        assertThat(tokenRequests).anySatisfy(request -> assertThat(URLDecoder.decode(request, StandardCharsets.UTF_8))
                .startsWith("/adfs/oauth2/token ").contains("grant_type=client_credentials")
                .contains("client_id=" + APP_ID).contains("https://api.botframework.com/.default"));
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void everyForgedKindIsRefusedAndNeverAnswered(CapturedOutput output) throws Exception {
        Map<String, Integer> statuses = new LinkedHashMap<>();
        for (Map.Entry<String, String> forged : forgedHeaders().entrySet()) {
            statuses.put(forged.getKey(), post(message(), forged.getValue()));
        }

        System.out.println("AuthenticationEndToEndTest: " + statuses);
        assertThat(statuses).allSatisfy((kind, status) -> assertThat(status).as(kind).isEqualTo(401));
        assertThat(connector.idle(Duration.ofSeconds(1))).as("no reply to a forged token").isTrue();
        assertThat(metadataHits.get("/v1/.well-known/openidconfiguration").get())
                .as("metadata fetches for %d tokens", statuses.size()).isLessThanOrEqualTo(1);
        assertThat(output.getAll().lines())
                .as("a forged token's header writes no line of its own into the log")
                .noneMatch(line -> line.startsWith("2026-12-01 INFO forged") || line.startsWith("INFO x"))
                .anyMatch(line -> line.contains("Rejected an activity that failed authentication: Malformed token"));
    }

    @Test
    void aFailingMetadataEndpointIsAskedOnceNotOncePerToken() throws Exception {
        String working = ChannelValidation.getOpenIdMetaDataUrl();
        String broken = "http://127.0.0.1:" + metadata.getAddress().getPort() + "/broken/openidconfiguration";
        ChannelValidation.setOpenIdMetaDataUrl(broken);
        try {
            int tokens = 50;
            for (int i = 0; i < tokens; i++) {
                assertThat(post(message(), "Bearer " + channelToken().withKeyId("kid-" + i).sign(botFramework())))
                        .isEqualTo(401);
            }
            int fetches = metadataHits.getOrDefault("/broken/openidconfiguration", new AtomicInteger()).get();
            System.out.println("AuthenticationEndToEndTest: " + fetches + " fetch(es) of a failing metadata"
                    + " endpoint for " + tokens + " tokens");
            assertThat(fetches).isEqualTo(1);
        } finally {
            ChannelValidation.setOpenIdMetaDataUrl(working);
        }
    }
}
