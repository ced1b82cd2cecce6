package dev.callcodes.bot.access;

import dev.callcodes.bot.server.Problem;
import jakarta.servlet.http.HttpServletRequest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * {@code CALLCODES_API_AUTH=api-key}: the caller sends one of {@code CALLCODES_API_KEYS} in the {@code X-API-Key}
 * header. Keys are compared as SHA-256 digests with {@link MessageDigest#isEqual}, in time that depends neither on
 * where they differ nor on their lengths, and every key is compared every time. A key is never logged.
 */
final class ApiKeys implements ApiAccessFilter.Check {

    static final String HEADER = "X-API-Key";

    private final List<byte[]> digests;

    ApiKeys(List<String> keys) {
        this.digests = keys.stream().map(ApiKeys::digest).toList();
    }

    @Override
    public ApiAccessFilter.Refusal check(HttpServletRequest request) {
        String given = request.getHeader(HEADER);
        if (given == null || given.isBlank()) {
            return refusal("send your API key in the " + HEADER + " header");
        }
        byte[] digest = digest(given.strip());
        boolean known = false;
        for (byte[] key : digests) {
            known |= MessageDigest.isEqual(key, digest);
        }
        return known ? null : refusal("the API key in " + HEADER + " is not one of this app's keys");
    }

    private static ApiAccessFilter.Refusal refusal(String message) {
        return new ApiAccessFilter.Refusal(Problem.UNAUTHENTICATED, message, "ApiKey header=\"" + HEADER + "\"");
    }

    private static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
