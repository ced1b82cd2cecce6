package dev.callcodes.watch;

import dev.callcodes.watch.stub.GraphStub;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code tid} claim read from an access token's payload, and each way a token can fail to tell it. */
class TenantClaimTest {

    /**
     * An app-only Graph token in Entra ID's v1.0 shape (claims as Microsoft documents them, values made up), not
     * padded and with a {@code -} in its payload: base64url, which the plain base64 alphabet refuses.
     */
    private static final String ENTRA_SHAPED = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiIsIng1dCI6InN0dWIiLCJraWQiOiJzdHViIn0"
            + ".eyJhdWQiOiJodHRwczovL2dyYXBoLm1pY3Jvc29mdC5jb20iLCJpc3MiOiJodHRwczovL3N0cy53aW5kb3dzLm5ldC8zZjFjMmE5ZS03Yj"
            + "RkLTRlOGEtOWM2MS01ZDJiOGUwZjRhMTcvIiwiaWF0IjoxNzMzMjEyODAwLCJuYmYiOjE3MzMyMTI4MDAsImV4cCI6MTczMzIxNjcwMCwi"
            + "YWlvIjoiazJCZ1lEaT8-PiIsImFwcF9kaXNwbGF5bmFtZSI6IkNhbGxDb2RlcyB3YXRjaCIsImFwcGlkIjoiNjY2NjY2NjYtNzc3Ny04OD"
            + "g4LTk5OTktMDAwMDAwMDAwMDAwIiwiaWR0eXAiOiJhcHAiLCJvaWQiOiJhMWIyYzNkNC0wMDAwLTQwMDAtODAwMC0wMDAwMDAwMDAwMDEi"
            + "LCJyb2xlcyI6WyJDYWxsUmVjb3Jkcy5SZWFkLkFsbCJdLCJzdWIiOiJhMWIyYzNkNC0wMDAwLTQwMDAtODAwMC0wMDAwMDAwMDAwMDEiLC"
            + "J0aWQiOiIzZjFjMmE5ZS03YjRkLTRlOGEtOWM2MS01ZDJiOGUwZjRhMTciLCJ2ZXIiOiIxLjAifQ"
            + ".c2lnbmF0dXJlLW5vdC1jaGVja2Vk";

    private static String base64url(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anEntraShapedTokenTellsItsTenant() {
        assertThat(ENTRA_SHAPED.split("\\.")[1]).as("the payload needs the url alphabet").contains("-");
        assertThat(TenantClaim.read(ENTRA_SHAPED))
                .isEqualTo(new TenantClaim("3f1c2a9e-7b4d-4e8a-9c61-5d2b8e0f4a17", null));
        assertThat(TenantClaim.read(GraphStub.jwt("{\"tid\":\"" + GraphStub.TENANT + "\"}")).tenantId())
                .isEqualTo(GraphStub.TENANT);
    }

    @Test
    void anOpaqueTokenDoesNotTell() {
        assertThat(TenantClaim.read("stub-token-1"))
                .isEqualTo(new TenantClaim(null, "the access token is not a JWT (it is opaque to the app)"));
        assertThat(TenantClaim.read("EwBwA8l6BAAUkj1oNsVrS.mZ3sk").problem()).as("two parts")
                .contains("not a JWT");
        assertThat(TenantClaim.read("a.b.c.d").problem()).as("four parts").contains("not a JWT");
        assertThat(TenantClaim.read("").problem()).contains("not a JWT");
        assertThat(TenantClaim.read(null).problem()).contains("not a JWT");
    }

    @Test
    void aTokenWithoutATidDoesNotTell() {
        assertThat(TenantClaim.read(GraphStub.jwt("{\"aud\":\"https://graph.microsoft.com\",\"roles\":[]}")))
                .isEqualTo(new TenantClaim(null, "the access token has no tid claim"));
        assertThat(TenantClaim.read(GraphStub.jwt("{\"tid\":42}")).problem()).as("not a string")
                .isEqualTo("the access token has no tid claim");
        assertThat(TenantClaim.read(GraphStub.jwt("{\"tid\":\"contoso.onmicrosoft.com\"}")).problem())
                .isEqualTo("the access token's tid claim is not a tenant ID (a GUID)");
    }

    @Test
    void aMalformedPayloadDoesNotTell() {
        String header = base64url("{\"alg\":\"RS256\"}");
        assertThat(TenantClaim.read(header + ".eyJ0aWQiOi!!.sig").problem())
                .isEqualTo("the access token's payload is not base64url");
        assertThat(TenantClaim.read(header + ".eyJ0aWQiOiIx+/.sig").problem()).as("the plain base64 alphabet")
                .isEqualTo("the access token's payload is not base64url");
        assertThat(TenantClaim.read(header + "." + base64url("tid=1") + ".sig").problem())
                .isEqualTo("the access token's payload is not JSON");
        assertThat(TenantClaim.read(header + "." + base64url("[\"tid\"]") + ".sig").problem())
                .isEqualTo("the access token's payload is not a JSON object");
        assertThat(TenantClaim.read(header + "..sig").problem()).as("empty payload")
                .isEqualTo("the access token's payload is not a JSON object");
    }

    @Test
    void aProblemNeverQuotesTheToken() {
        String token = base64url("{}") + "." + base64url("{\"secret-ish\":\"zzz\"}") + ".c2ln";
        assertThat(TenantClaim.read(token).problem()).doesNotContain(token.split("\\.")[1]).doesNotContain("zzz");
    }
}
