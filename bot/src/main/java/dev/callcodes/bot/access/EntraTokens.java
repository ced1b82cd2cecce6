package dev.callcodes.bot.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.callcodes.bot.server.Problem;
import jakarta.servlet.http.HttpServletRequest;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code CALLCODES_API_AUTH=entra}: the caller sends an Entra ID access token ({@code Authorization: Bearer ...})
 * issued by the app's tenant for the app. The token must be RS256 and signed by one of the keys in the tenant's
 * OpenID metadata, carry the app as its audience ({@code CALLCODES_API_AUDIENCE}, or its {@code api://} form), be
 * issued by the tenant (the metadata's v2.0 issuer, or its v1.0 form {@code https://sts.windows.net/TENANT/},
 * which is what app registrations issue unless set to v2 tokens), and be within its validity, give or take a
 * minute of clock skew. Any token the tenant issues for the app passes: who may get one is the tenant's to decide
 * (app assignment, or an app role the caller must be granted).
 */
final class EntraTokens implements ApiAccessFilter.Check {

    static final int MAX_TOKEN_CHARS = 16 * 1024;
    static final long SKEW_SECONDS = 60;
    private static final Pattern V2_ISSUER = Pattern.compile("https://login\\.microsoftonline\\.com/([^/]+)/v2\\.0");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CHALLENGE = "Bearer";

    private final OpenIdKeys keys;
    private final Set<String> audiences;
    private final Clock clock;

    EntraTokens(OpenIdKeys keys, String audience, Clock clock) {
        this.keys = keys;
        this.clock = clock;
        Set<String> accepted = new HashSet<>(Set.of(audience));
        accepted.add(audience.startsWith("api://") ? audience.substring("api://".length()) : "api://" + audience);
        this.audiences = Set.copyOf(accepted);
    }

    @Override
    public ApiAccessFilter.Refusal check(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return refusal("send an Entra ID access token for this app: Authorization: Bearer TOKEN");
        }
        try {
            return valid(authorization.substring(7).strip()) ? null
                    : refusal("the token is not valid for this API");
        } catch (OpenIdKeys.Unavailable e) {
            return new ApiAccessFilter.Refusal(Problem.UNAVAILABLE, "tokens cannot be checked right now:"
                    + " the tenant's signing keys could not be fetched; try again in a minute", null);
        }
    }

    /** Whether the token passes every check; which one failed is not told to the caller. */
    boolean valid(String token) throws OpenIdKeys.Unavailable {
        if (token.length() > MAX_TOKEN_CHARS) {
            return false;
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || parts[2].isEmpty()) {
            return false;
        }
        JsonNode header = json(parts[0]);
        JsonNode claims = json(parts[1]);
        if (header == null || claims == null || !"RS256".equals(header.path("alg").asText())
                || !header.path("kid").isTextual()) {
            return false;
        }
        PublicKey key = keys.key(header.path("kid").asText());
        if (key == null || !signed(parts, key)) {
            return false;
        }
        long now = clock.millis() / 1000;
        if (!claims.path("exp").canConvertToLong() || claims.path("exp").asLong() + SKEW_SECONDS < now) {
            return false;
        }
        if (claims.has("nbf") && claims.path("nbf").asLong() - SKEW_SECONDS > now) {
            return false;
        }
        return issuers(keys.current().issuer()).contains(claims.path("iss").asText()) && audienceMatches(claims);
    }

    private boolean audienceMatches(JsonNode claims) {
        JsonNode aud = claims.path("aud");
        if (aud.isTextual()) {
            return audiences.contains(aud.asText());
        }
        for (JsonNode one : aud) {
            if (one.isTextual() && audiences.contains(one.asText())) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> issuers(String issuer) {
        Matcher v2 = V2_ISSUER.matcher(issuer);
        return v2.matches() ? Set.of(issuer, "https://sts.windows.net/" + v2.group(1) + "/") : Set.of(issuer);
    }

    private static boolean signed(String[] parts, PublicKey key) {
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(key);
            rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            return rsa.verify(Base64.getUrlDecoder().decode(parts[2]));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static JsonNode json(String part) {
        try {
            JsonNode node = JSON.readTree(Base64.getUrlDecoder().decode(part));
            return node != null && node.isObject() ? node : null;
        } catch (Exception e) {
            return null;
        }
    }

    private static ApiAccessFilter.Refusal refusal(String message) {
        return new ApiAccessFilter.Refusal(Problem.UNAUTHENTICATED, message, CHALLENGE);
    }
}
