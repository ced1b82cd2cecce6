package dev.callcodes.bot.teams;

import com.auth0.jwt.exceptions.JWTVerificationException;
import com.microsoft.bot.connector.authentication.AuthenticationConstants;
import com.microsoft.bot.connector.authentication.AuthenticationException;
import com.microsoft.bot.connector.authentication.ChannelValidation;
import com.microsoft.bot.connector.authentication.ClaimsIdentity;
import com.microsoft.bot.connector.authentication.JwtTokenExtractor;
import com.microsoft.bot.connector.authentication.OpenIdMetadata;
import com.microsoft.bot.connector.authentication.OpenIdMetadataResolver;
import com.microsoft.bot.connector.authentication.TokenValidationParameters;
import com.microsoft.bot.schema.Activity;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks the Bot Framework token on an incoming activity: what the SDK's ChannelValidation does (signature with a
 * key from the Bot Framework's OpenID metadata and its endorsement of the channel, RS256 only, lifetime with 5
 * minutes' skew, issuer api.botframework.com, audience our app ID, serviceurl claim equal to the activity's), through
 * the SDK's JwtTokenExtractor, but with {@link SigningKeys} holding the keys. The metadata URL is the SDK's setting
 * ({@link ChannelValidation#getOpenIdMetaDataUrl()}). Teams sends only such channel tokens, so the SDK's other paths
 * (Emulator and skill tokens, which it picks by the token's issuer) are not open: such a token is refused like any
 * other with a wrong issuer. Failure messages never quote the token.
 */
final class ChannelTokens implements OpenIdMetadataResolver {

    private final String appId;
    private final LazyHttpClient http = new LazyHttpClient(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER));
    private final Map<String, SigningKeys> keysByUrl = new ConcurrentHashMap<>();

    ChannelTokens(String appId) {
        this.appId = appId;
    }

    @Override
    public OpenIdMetadata get(String metadataUrl) {
        return keysByUrl.computeIfAbsent(metadataUrl, url -> new SigningKeys(URI.create(url), http.get(),
                Clock.systemUTC()));
    }

    CompletableFuture<ClaimsIdentity> authenticate(String authHeader, Activity activity) {
        if (authHeader == null || authHeader.isBlank()) {
            return CompletableFuture.failedFuture(new AuthenticationException("No Auth Header. Auth is required."));
        }
        TokenValidationParameters parameters = ChannelValidation.getTokenValidationParameters();
        parameters.issuerSigningKeyResolver = this;
        JwtTokenExtractor extractor = new JwtTokenExtractor(parameters, ChannelValidation.getOpenIdMetaDataUrl(),
                AuthenticationConstants.ALLOWED_SIGNING_ALGORITHMS);
        try {
            return extractor.getIdentity(authHeader, activity.getChannelId())
                    .thenApply(identity -> checked(identity, activity.getServiceUrl()));
        } catch (JWTVerificationException e) {
            // JWT.decode throws at once on a malformed token, with the token's text in its message.
            return CompletableFuture.failedFuture(new AuthenticationException("Malformed token"));
        }
    }

    private ClaimsIdentity checked(ClaimsIdentity identity, String serviceUrl) {
        if (identity == null) {
            throw new AuthenticationException("Invalid Identity");
        }
        if (!identity.isAuthenticated()) {
            throw new AuthenticationException("Token Not Authenticated");
        }
        if (!AuthenticationConstants.TO_BOT_FROM_CHANNEL_TOKEN_ISSUER.equalsIgnoreCase(identity.getIssuer())) {
            throw new AuthenticationException("Wrong Issuer");
        }
        String audience = identity.claims().get(AuthenticationConstants.AUDIENCE_CLAIM);
        if (audience == null || audience.isEmpty()) {
            throw new AuthenticationException("No Audience Claim");
        }
        if (!audience.equals(appId)) {
            throw new AuthenticationException("The token's audience is not this bot's app ID");
        }
        if (serviceUrl != null && !serviceUrl.isEmpty()) {
            String claimed = identity.claims().get(AuthenticationConstants.SERVICE_URL_CLAIM);
            if (claimed == null) {
                throw new AuthenticationException("'serviceurl' claim is required on Channel Token.");
            }
            if (!claimed.equalsIgnoreCase(serviceUrl)) {
                throw new AuthenticationException("The token's serviceurl claim is not the activity's service URL");
            }
        }
        return identity;
    }
}
