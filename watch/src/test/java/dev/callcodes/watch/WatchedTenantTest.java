package dev.callcodes.watch;

import dev.callcodes.watch.WatchedTenant.Match;
import dev.callcodes.watch.stub.GraphStub;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Which conversations' tenants may see the alerts: a configured GUID, a domain learned from a token, the demo. */
class WatchedTenantTest {

    private static final String T = "3f1c2a9e-7b4d-4e8a-9c61-5d2b8e0f4a17";
    private static final String U = "0b7e5d3c-1a2f-4c6e-8d9b-a1b2c3d4e5f6";

    private static WatchedTenant configured(String tenant) {
        return WatchedTenant.of(WatchSettings.from(Map.of("CALLCODES_GRAPH_TENANT_ID", tenant,
                "CALLCODES_GRAPH_CLIENT_ID", GraphStub.CLIENT, "CALLCODES_GRAPH_CLIENT_SECRET", "s")));
    }

    private static String token(String tid) {
        return GraphStub.jwt("{\"tid\":\"" + tid + "\"}");
    }

    @Test
    void aConfiguredGuidIsTheTenantAndNoTokenChangesIt() {
        WatchedTenant tenant = configured(T);
        assertThat(tenant.id()).hasValue(T);
        assertThat(tenant.pending()).isFalse();
        assertThat(tenant.match(T)).isEqualTo(Match.YES);
        assertThat(tenant.match(T.toUpperCase())).isEqualTo(Match.YES);
        assertThat(tenant.match(U)).isEqualTo(Match.NO);
        assertThat(tenant.match(null)).as("a conversation without a tenant").isEqualTo(Match.NO);
        assertThat(tenant.match("")).isEqualTo(Match.NO);

        tenant.learnFrom(token(U));
        assertThat(tenant.id()).hasValue(T);
    }

    @Test
    void aDomainMatchesNothingUntilATokenTellsItsId() {
        WatchedTenant tenant = configured(GraphStub.DOMAIN);
        assertThat(tenant.id()).isEmpty();
        assertThat(tenant.pending()).isTrue();
        assertThat(tenant.match(T)).isEqualTo(Match.UNKNOWN);
        assertThat(tenant.unknownReason()).contains("has not got its first token yet");

        tenant.learnFrom(token(T));

        assertThat(tenant.id()).hasValue(T);
        assertThat(tenant.pending()).isFalse();
        assertThat(tenant.match(T)).isEqualTo(Match.YES);
        assertThat(tenant.match(U)).isEqualTo(Match.NO);
        assertThat(tenant.match(null)).isEqualTo(Match.NO);

        tenant.learnFrom("stub-token-2");
        assertThat(tenant.id()).as("a later opaque token forgets nothing").hasValue(T);
    }

    @Test
    void aDomainWhoseTokensAreOpaqueMatchesNothingAndSaysWhatToSet() {
        WatchedTenant tenant = configured(GraphStub.DOMAIN);
        tenant.learnFrom("stub-token-1");
        tenant.learnFrom(GraphStub.jwt("{\"aud\":\"https://graph.microsoft.com\"}"));

        assertThat(tenant.id()).isEmpty();
        assertThat(tenant.pending()).as("no use waiting").isFalse();
        assertThat(tenant.match(T)).isEqualTo(Match.UNKNOWN);
        assertThat(tenant.match(null)).isEqualTo(Match.UNKNOWN);
        assertThat(tenant.unknownReason()).contains("the access token has no tid claim",
                "CALLCODES_GRAPH_TENANT_ID is set to the directory (tenant) ID");
    }

    @Test
    void theDemoReadsNoTenantsCallsSoEveryConversationMatches() {
        WatchedTenant demo = WatchedTenant.of(WatchSettings.from(Map.of("CALLCODES_WATCH_SOURCE", "demo")));
        assertThat(demo.match(T)).isEqualTo(Match.YES);
        assertThat(demo.match(null)).isEqualTo(Match.YES);
        assertThat(demo.pending()).isFalse();
        demo.learnFrom(token(T));
        assertThat(demo.id()).isEmpty();
    }
}
