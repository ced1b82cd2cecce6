package dev.callcodes.watch;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class WatchSettingsTest {

    private static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    private static final String CLIENT = "00000000-1111-2222-3333-444444444444";

    private static Map<String, String> graph() {
        Map<String, String> env = new HashMap<>();
        env.put("CALLCODES_GRAPH_TENANT_ID", TENANT);
        env.put("CALLCODES_GRAPH_CLIENT_ID", CLIENT);
        env.put("CALLCODES_GRAPH_CLIENT_SECRET", "s3cret-value");
        return env;
    }

    @Test
    void withoutSettingsTheWatchIsOffAndSaysWhatToSet() {
        WatchSettings settings = WatchSettings.from(Map.of());
        assertThat(settings.enabled()).isFalse();
        assertThat(settings.offReason()).contains("CALLCODES_GRAPH_TENANT_ID", "CALLCODES_GRAPH_CLIENT_ID",
                "CALLCODES_GRAPH_CLIENT_SECRET", "CALLCODES_WATCH_SOURCE=demo", "CallRecords.Read.All");
    }

    @Test
    void graphCredentialsTurnItOnWithTheDocumentedDefaults() {
        WatchSettings settings = WatchSettings.from(graph());
        assertThat(settings.source()).isEqualTo(WatchSettings.Source.GRAPH);
        assertThat(settings.interval()).isEqualTo(Duration.ofMinutes(15));
        assertThat(settings.lookback()).isEqualTo(Duration.ofHours(3));
        assertThat(settings.backfill()).isEqualTo(Duration.ofDays(7));
        assertThat(settings.rules().window()).isEqualTo(Duration.ofMinutes(60));
        assertThat(settings.rules().minCalls()).isEqualTo(50);
        assertThat(settings.graph().tenantAuthority()).isEqualTo("https://login.microsoftonline.com/" + TENANT + "/");
        assertThat(settings.graph().scope()).isEqualTo("https://graph.microsoft.com/.default");
        assertThat(settings.graph().defaultAuthority()).isTrue();
    }

    @Test
    void theSecretNeverShowsInText() {
        WatchSettings settings = WatchSettings.from(graph());
        assertThat(settings.toString()).doesNotContain("s3cret-value").contains("secret (hidden)");
    }

    @Test
    void demoNeedsNoCredentialsAndPollsOften() {
        WatchSettings settings = WatchSettings.from(Map.of("CALLCODES_WATCH_SOURCE", "demo"));
        assertThat(settings.source()).isEqualTo(WatchSettings.Source.DEMO);
        assertThat(settings.graph()).isNull();
        assertThat(settings.interval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.rules().window()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void durationsInShortOrIsoForm() {
        Map<String, String> env = graph();
        env.put("CALLCODES_WATCH_INTERVAL", "5m");
        env.put("CALLCODES_WATCH_LOOKBACK", "PT4H");
        env.put("CALLCODES_WATCH_BACKFILL", "2d");
        WatchSettings settings = WatchSettings.from(env);
        assertThat(settings.interval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(settings.lookback()).isEqualTo(Duration.ofHours(4));
        assertThat(settings.backfill()).isEqualTo(Duration.ofDays(2));
    }

    @Test
    void everyProblemIsNamedByItsVariableAtOnce() {
        Map<String, String> env = new HashMap<>();
        env.put("CALLCODES_GRAPH_TENANT_ID", "not a tenant");
        env.put("CALLCODES_GRAPH_CLIENT_ID", "1234");
        env.put("CALLCODES_GRAPH_AUTHORITY", "http://login.example.com/");
        env.put("CALLCODES_GRAPH_BASE_URL", "http://graph.example.com");
        env.put("CALLCODES_WATCH_INTERVAL", "15 minutes");
        env.put("CALLCODES_WATCH_MIN_CALLS", "-3");
        WatchSettingsException e = catchThrowableOfType(WatchSettingsException.class, () -> WatchSettings.from(env));
        assertThat(e.problems()).hasSize(7);
        assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("CALLCODES_GRAPH_TENANT_ID: 'not a tenant'"));
        assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("CALLCODES_GRAPH_CLIENT_ID: '1234'"));
        assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("CALLCODES_GRAPH_CLIENT_SECRET: missing"));
        assertThat(e.problems()).anySatisfy(p -> assertThat(p)
                .startsWith("CALLCODES_GRAPH_AUTHORITY: 'http://login.example.com/' must use https"));
        assertThat(e.problems()).anySatisfy(p -> assertThat(p)
                .startsWith("CALLCODES_GRAPH_BASE_URL: 'http://graph.example.com' must use https"));
        assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("CALLCODES_WATCH_INTERVAL: '15 minutes'"));
        assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("CALLCODES_WATCH_MIN_CALLS: '-3'"));
    }

    @Test
    void aSecretAndACertificateAreOneTooMany(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path p12 = Files.writeString(dir.resolve("app.p12"), "x");
        Map<String, String> env = graph();
        env.put("CALLCODES_GRAPH_CERTIFICATE_PATH", p12.toString());
        assertThatThrownBy(() -> WatchSettings.from(env)).isInstanceOf(WatchSettingsException.class)
                .hasMessageContaining("CALLCODES_GRAPH_CLIENT_SECRET and CALLCODES_GRAPH_CERTIFICATE_PATH: both are set");
        env.remove("CALLCODES_GRAPH_CLIENT_SECRET");
        env.put("CALLCODES_GRAPH_CERTIFICATE_PASSWORD", "pw");
        WatchSettings settings = WatchSettings.from(env);
        assertThat(settings.graph().usesCertificate()).isTrue();
        assertThat(settings.toString()).doesNotContain("pw,").contains("certificate");
        env.put("CALLCODES_GRAPH_CERTIFICATE_PATH", dir.resolve("missing.p12").toString());
        assertThatThrownBy(() -> WatchSettings.from(env))
                .hasMessageContaining("CALLCODES_GRAPH_CERTIFICATE_PATH: '" + dir.resolve("missing.p12") + "' is not a readable file");
    }

    @Test
    void aLookBackShorterThanTheIntervalWouldMissCalls() {
        Map<String, String> env = graph();
        env.put("CALLCODES_WATCH_INTERVAL", "2h");
        env.put("CALLCODES_WATCH_LOOKBACK", "1h");
        assertThatThrownBy(() -> WatchSettings.from(env)).hasMessageContaining("CALLCODES_WATCH_LOOKBACK: '1h' is shorter");
    }

    @Test
    void graphIntervalsUnderAMinuteAreRefused() {
        Map<String, String> env = graph();
        env.put("CALLCODES_WATCH_INTERVAL", "10s");
        assertThatThrownBy(() -> WatchSettings.from(env)).hasMessageContaining("CALLCODES_WATCH_INTERVAL: '10s' is outside 1m to 1d");
    }

    @Test
    void httpIsAcceptedForALocalGraphStubOnly() {
        Map<String, String> env = graph();
        env.put("CALLCODES_GRAPH_BASE_URL", "http://127.0.0.1:8089");
        env.put("CALLCODES_GRAPH_AUTHORITY", "https://localhost:8443/");
        WatchSettings settings = WatchSettings.from(env);
        assertThat(settings.graph().graphBaseUrl().toString()).isEqualTo("http://127.0.0.1:8089");
        assertThat(settings.graph().defaultAuthority()).isFalse();
        assertThat(settings.graph().scope()).isEqualTo("https://graph.microsoft.com/.default");
    }

    @Test
    void anExplicitGraphSourceMayReuseTheBotsRegistration() {
        Map<String, String> env = Map.of("CALLCODES_WATCH_SOURCE", "graph", "MicrosoftAppTenantId", TENANT,
                "MicrosoftAppId", CLIENT, "MicrosoftAppPassword", "bot-secret");
        WatchSettings settings = WatchSettings.from(env);
        assertThat(settings.graph().clientId()).isEqualTo(CLIENT);
        assertThat(settings.graph().tenantId()).isEqualTo(TENANT);
        assertThat(settings.graph().clientSecret()).isEqualTo("bot-secret");
    }

    @Test
    void switchedOffOnPurposeSaysSo() {
        Map<String, String> env = graph();
        env.put("CALLCODES_WATCH_SOURCE", "off");
        assertThat(WatchSettings.from(env).offReason()).isEqualTo("the watch is off (CALLCODES_WATCH_SOURCE=off)");
    }

    @Test
    void anUnknownSourceIsNamed() {
        assertThatThrownBy(() -> WatchSettings.from(Map.of("CALLCODES_WATCH_SOURCE", "teams")))
                .hasMessage("CALLCODES_WATCH_SOURCE: 'teams' is not a source (use graph, demo or off)");
    }
}
