package dev.callcodes.watch.graph;

import dev.callcodes.watch.GraphSettings;
import dev.callcodes.watch.WatchSettings;
import dev.callcodes.watch.WatchedTenant;
import dev.callcodes.watch.calls.SourceException;
import dev.callcodes.watch.stub.GraphStub;
import dev.callcodes.watch.stub.ManualClock;
import dev.callcodes.watch.stub.StubServer;
import dev.callcodes.watch.stub.TestTls;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * MSAL4J against a local token endpoint. MSAL refuses authorities that are not https ("authority should use the
 * 'https' scheme"), so the stub serves TLS with a certificate made for the test run, and MSAL is handed a socket
 * factory that trusts it; instance discovery is off for a non-Microsoft authority.
 */
class MsalTokenProviderTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2024-05-06T12:00:00Z"));
    private GraphStub stub;

    @BeforeEach
    void start() throws Exception {
        stub = GraphStub.https(clock);
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    private MsalTokenProvider provider(Map<String, String> env) throws SourceException {
        return provider(env, WatchedTenant.of(WatchSettings.from(env)));
    }

    private MsalTokenProvider provider(Map<String, String> env, WatchedTenant tenant) throws SourceException {
        GraphSettings settings = WatchSettings.from(env).graph();
        return new MsalTokenProvider(settings, tenant, TestTls.get().client().getSocketFactory());
    }

    @Test
    void aSecretGetsATokenThatIsKeptUntilItNearlyExpires() throws Exception {
        MsalTokenProvider provider = provider(stub.environment());
        assertThat(provider.token(false)).isEqualTo("stub-token-1");
        assertThat(provider.token(false)).as("kept").isEqualTo("stub-token-1");
        assertThat(provider.token(true)).as("a forced refresh").isEqualTo("stub-token-2");
        StubServer.Request request = stub.server().requests().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.uri().getPath()).isEqualTo("/" + GraphStub.TENANT + "/oauth2/v2.0/token");
        assertThat(request.body()).contains("grant_type=client_credentials", "client_secret=stub-secret",
                "scope=https%3A%2F%2Fgraph.microsoft.com%2F.default");
        assertThat(stub.server().requests()).allSatisfy(r -> assertThat(r.uri().getPath()).contains("/oauth2/"));
    }

    @Test
    void aTenantGivenAsADomainIsLearnedFromTheTidOfItsFirstToken() throws Exception {
        Map<String, String> env = new HashMap<>(stub.environment());
        env.put("CALLCODES_GRAPH_TENANT_ID", GraphStub.DOMAIN);
        WatchedTenant tenant = WatchedTenant.of(WatchSettings.from(env));
        stub.tokenTenant(GraphStub.TENANT);
        MsalTokenProvider provider = provider(env, tenant);
        assertThat(tenant.id()).as("no token yet").isEmpty();

        assertThat(provider.token(false)).startsWith("ey");

        assertThat(stub.server().requests().get(0).uri().getPath())
                .isEqualTo("/" + GraphStub.DOMAIN + "/oauth2/v2.0/token");
        assertThat(tenant.id()).hasValue(GraphStub.TENANT);
        assertThat(tenant.match(GraphStub.TENANT)).isEqualTo(WatchedTenant.Match.YES);
    }

    @Test
    void anOpaqueTokenForADomainLeavesTheTenantUnknown() throws Exception {
        Map<String, String> env = new HashMap<>(stub.environment());
        env.put("CALLCODES_GRAPH_TENANT_ID", GraphStub.DOMAIN);
        WatchedTenant tenant = WatchedTenant.of(WatchSettings.from(env));
        assertThat(provider(env, tenant).token(false)).isEqualTo("stub-token-1");
        assertThat(tenant.id()).isEmpty();
        assertThat(tenant.pending()).isFalse();
        assertThat(tenant.unknownReason()).contains("not a JWT", "CALLCODES_GRAPH_TENANT_ID");
    }

    @Test
    void anExpiredSecretIsReportedWithItsReason() throws Exception {
        stub.tokenAnswer(GraphStub.expiredSecret());
        SourceException e = catchThrowableOfType(SourceException.class, () -> provider(stub.environment()).token(false));
        assertThat(e.problem()).isEqualTo(SourceException.Problem.CREDENTIALS);
        assertThat(e.reason()).startsWith("the client secret has expired: create a new one")
                .contains("CALLCODES_GRAPH_CLIENT_SECRET")
                .contains("AADSTS7000222: The provided client secret keys for app")
                .doesNotContain("Trace ID").doesNotContain("stub-secret");
    }

    @Test
    void aCertificateSignsAClientAssertion() throws Exception {
        Map<String, String> env = new HashMap<>(stub.environment());
        env.remove("CALLCODES_GRAPH_CLIENT_SECRET");
        env.put("CALLCODES_GRAPH_CERTIFICATE_PATH", TestTls.get().keyStore().toString());
        env.put("CALLCODES_GRAPH_CERTIFICATE_PASSWORD", TestTls.PASSWORD);
        assertThat(provider(env).token(false)).isEqualTo("stub-token-1");
        String body = stub.server().requests().get(0).body();
        assertThat(body).contains("client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer")
                .contains("client_assertion=ey").doesNotContain("client_secret");
    }

    @Test
    void aWrongCertificatePasswordIsNamed() {
        Map<String, String> env = new HashMap<>(stub.environment());
        env.remove("CALLCODES_GRAPH_CLIENT_SECRET");
        env.put("CALLCODES_GRAPH_CERTIFICATE_PATH", TestTls.get().keyStore().toString());
        env.put("CALLCODES_GRAPH_CERTIFICATE_PASSWORD", "wrong");
        assertThatThrownBy(() -> provider(env)).isInstanceOf(SourceException.class)
                .hasMessageContaining("CALLCODES_GRAPH_CERTIFICATE_PATH: '" + TestTls.get().keyStore()
                        + "' cannot be read as PKCS#12 with the password given");
    }

    @Test
    void anUnreachableTokenEndpointIsNotACredentialProblem() throws Exception {
        MsalTokenProvider provider = provider(stub.environment());
        stub.close();
        SourceException e = catchThrowableOfType(SourceException.class, () -> provider.token(false));
        assertThat(e.problem()).isEqualTo(SourceException.Problem.UNREACHABLE);
        assertThat(e.reason()).startsWith("the token endpoint cannot be reached");
    }

    @Test
    void refusalsAreToldApartByTheirAadstsNumber() {
        assertThat(TokenRefusal.of("AADSTS7000215: Invalid client secret provided.")).isEqualTo(TokenRefusal.SECRET_INVALID);
        assertThat(TokenRefusal.of("AADSTS700016: Application with identifier 'x' was not found")).isEqualTo(TokenRefusal.APP_NOT_FOUND);
        assertThat(TokenRefusal.of("AADSTS90002: Tenant 'x' not found.")).isEqualTo(TokenRefusal.TENANT_NOT_FOUND);
        assertThat(TokenRefusal.of("something else")).isEqualTo(TokenRefusal.OTHER);
    }
}
