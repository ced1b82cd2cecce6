package dev.callcodes.watch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.Base64;

/**
 * The {@code tid} claim of an Entra ID access token: the directory (tenant) ID the token was issued in. Only the
 * payload is read and the signature is not checked: the token came from the authority over TLS, and the claim only
 * narrows who gets alerts (a wrong one sends them nowhere), it grants nothing. The token itself is never part of a
 * {@link #problem()}, so the result can be logged.
 *
 * @param tenantId the claim, a GUID; null when the token does not tell
 * @param problem  why it does not tell (not a JWT, no {@code tid}, ...); null when {@code tenantId} is set
 */
record TenantClaim(String tenantId, String problem) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static TenantClaim read(String accessToken) {
        String[] parts = accessToken == null ? new String[0] : accessToken.split("\\.", -1);
        if (parts.length != 3) {
            return problem("the access token is not a JWT (it is opaque to the app)");
        }
        byte[] payload;
        try {
            payload = Base64.getUrlDecoder().decode(parts[1]);
        } catch (IllegalArgumentException e) {
            return problem("the access token's payload is not base64url");
        }
        JsonNode claims;
        try {
            claims = JSON.readTree(payload);
        } catch (IOException e) {
            return problem("the access token's payload is not JSON");
        }
        if (claims == null || !claims.isObject()) {
            return problem("the access token's payload is not a JSON object");
        }
        JsonNode tid = claims.get("tid");
        if (tid == null || !tid.isTextual()) {
            return problem("the access token has no tid claim");
        }
        if (!WatchSettings.GUID.matcher(tid.asText()).matches()) {
            return problem("the access token's tid claim is not a tenant ID (a GUID)");
        }
        return new TenantClaim(tid.asText(), null);
    }

    private static TenantClaim problem(String problem) {
        return new TenantClaim(null, problem);
    }
}
