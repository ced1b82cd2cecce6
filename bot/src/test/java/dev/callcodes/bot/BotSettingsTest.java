package dev.callcodes.bot;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BotSettingsTest {

    private static BotSettings read(String... keyValues) {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            env.put(keyValues[i], keyValues[i + 1]);
        }
        return BotSettings.from(env::get);
    }

    @Test
    void noSettingsIsALocalBotWithSafeDefaults() {
        BotSettings settings = read();

        assertThat(settings.authenticationEnabled()).isFalse();
        assertThat(settings.localChatEnabled()).isTrue();
        assertThat(settings.appType()).isEqualTo(BotSettings.AppType.SINGLE_TENANT);
        assertThat(settings.maxRequestsPerHost()).isEqualTo(64);
        assertThat(settings.maxRetries()).isEqualTo(4);
        assertThat(settings.maxBodyBytes()).isEqualTo(4 * 1024 * 1024);
        assertThat(settings.logMessageText()).isFalse();
    }

    @Test
    void noteEditorsAreEveryoneByDefaultOrTheListedObjectIdsAndABadOneIsNamed() {
        assertThat(read().noteEditors().everyoneMayEdit()).isTrue();
        assertThat(read("CALLCODES_NOTE_EDITORS", "0A1B2C3D-0000-4000-8000-000000000001, "
                + "0a1b2c3d-0000-4000-8000-000000000002").noteEditors().objectIds())
                .containsExactlyInAnyOrder("0a1b2c3d-0000-4000-8000-000000000001",
                        "0a1b2c3d-0000-4000-8000-000000000002");

        assertThatThrownBy(() -> read("CALLCODES_NOTE_EDITORS", "ana@contoso.com"))
                .isInstanceOf(BotSettings.SettingsException.class)
                .hasMessageStartingWith("CALLCODES_NOTE_EDITORS lists 'ana@contoso.com', which is not an Entra object id");
    }

    @Test
    void theStoreIsEmbeddedUnderDataByDefaultAndABadStoreStopsStartUpWithItsVariable() {
        assertThat(read().store().kind()).isEqualTo(dev.callcodes.store.StoreSettings.Kind.EMBEDDED);
        assertThat(read().store().dataDir()).isEqualTo(java.nio.file.Path.of("data"));
        assertThat(read("CALLCODES_DATA_DIR", "/var/lib/callcodes").store().dataDir())
                .isEqualTo(java.nio.file.Path.of("/var/lib/callcodes"));

        assertThatThrownBy(() -> read("CALLCODES_STORE", "cosmos"))
                .isInstanceOf(BotSettings.SettingsException.class)
                .hasMessage("CALLCODES_STORE='cosmos' is not embedded or azure-blob");
    }

    @Test
    void theWatchIsOffUnlessConfiguredAndABadWatchValueStopsStartUpWithItsVariable() {
        assertThat(read().watch().enabled()).isFalse();
        assertThat(read().watch().offReason()).contains("CALLCODES_GRAPH_TENANT_ID", "CALLCODES_WATCH_SOURCE=demo");
        BotSettings demo = read("CALLCODES_WATCH_SOURCE", "demo", "CALLCODES_WATCH_INTERVAL", "30s");
        assertThat(demo.watch().source()).isEqualTo(dev.callcodes.watch.WatchSettings.Source.DEMO);
        assertThat(demo.watch().interval()).isEqualTo(java.time.Duration.ofSeconds(30));

        assertThatThrownBy(() -> read("CALLCODES_WATCH_SOURCE", "demo", "CALLCODES_WATCH_INTERVAL", "often"))
                .isInstanceOf(BotSettings.SettingsException.class)
                .hasMessageStartingWith("CALLCODES_WATCH_INTERVAL: 'often' is not a duration");
        assertThatThrownBy(() -> read("CALLCODES_GRAPH_TENANT_ID", "contoso.onmicrosoft.com",
                "CALLCODES_GRAPH_CLIENT_ID", "1234", "CALLCODES_GRAPH_CLIENT_SECRET", "s3cret-value"))
                .isInstanceOf(BotSettings.SettingsException.class)
                .hasMessageContaining("CALLCODES_GRAPH_CLIENT_ID: '1234' is not an application (client) ID")
                .hasMessageNotContaining("s3cret-value");
    }

    @Test
    void singleTenantIsTheDefaultAndNeedsItsTenant() {
        assertThatThrownBy(() -> read("MicrosoftAppId", "app", "MicrosoftAppPassword", "secret"))
                .hasMessageStartingWith("MicrosoftAppTenantId is empty: a SingleTenant bot needs");

        BotSettings settings = read("MicrosoftAppId", "app", "MicrosoftAppPassword", "secret",
                "MicrosoftAppTenantId", "tenant");
        assertThat(settings.authenticationEnabled()).isTrue();
        assertThat(settings.localChatEnabled()).isFalse();
    }

    @Test
    void multiTenantNeedsNoTenantButMustSayWhoMayCallTheRestApi() {
        assertThatThrownBy(() -> read("MicrosoftAppId", "app", "MicrosoftAppPassword", "secret",
                "MicrosoftAppType", "MultiTenant"))
                .hasMessageStartingWith("CALLCODES_API_AUTH is not set, and a bot with MicrosoftAppId defaults to"
                        + " entra, which needs the tenant");
        BotSettings settings = read("MicrosoftAppId", "app", "MicrosoftAppPassword", "secret",
                "MicrosoftAppType", "MultiTenant", "CALLCODES_API_AUTH", "none");

        assertThat(settings.appType()).isEqualTo(BotSettings.AppType.MULTI_TENANT);
        assertThat(settings.api().auth()).isEqualTo(BotSettings.ApiAuth.NONE);
    }

    @Test
    void theRestApiIsOpenLocallyAndNeedsAnEntraTokenOnADeployedBot() {
        assertThat(read().api().auth()).isEqualTo(BotSettings.ApiAuth.NONE);

        BotSettings deployed = read("MicrosoftAppId", "app-id", "MicrosoftAppPassword", "secret",
                "MicrosoftAppTenantId", "tenant-id");
        assertThat(deployed.api().auth()).isEqualTo(BotSettings.ApiAuth.ENTRA);
        assertThat(deployed.api().audience()).isEqualTo("app-id");
        assertThat(deployed.api().openIdMetadata())
                .isEqualTo("https://login.microsoftonline.com/tenant-id/v2.0/.well-known/openid-configuration");
    }

    @Test
    void apiKeysAreRequiredLongAndNeverShown() {
        String key = "k".repeat(40);
        BotSettings settings = read("CALLCODES_API_AUTH", "api-key", "CALLCODES_API_KEYS", key + ", " + "m".repeat(30));

        assertThat(settings.api().keys()).containsExactly(key, "m".repeat(30));
        assertThat(settings.toString()).doesNotContain(key).contains("keys=2 (hidden)");
        assertThatThrownBy(() -> read("CALLCODES_API_AUTH", "api-key"))
                .hasMessageStartingWith("CALLCODES_API_KEYS is empty");
        assertThatThrownBy(() -> read("CALLCODES_API_AUTH", "api-key", "CALLCODES_API_KEYS", key + ",short-secret"))
                .hasMessage("CALLCODES_API_KEYS: key 2 of 2 is shorter than 24 characters; use a generated key"
                        + " (openssl rand -hex 32)")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("short-secret"));
        assertThatThrownBy(() -> read("CALLCODES_API_AUTH", "basic"))
                .hasMessage("CALLCODES_API_AUTH='basic' is not supported: use none, api-key or entra");
    }

    @Test
    void theLocalBotListensOnLoopbackUnlessToldOtherwise() {
        assertThat(read().bindAddress()).isEqualTo("127.0.0.1");
        assertThat(read("CALLCODES_LOCAL_BIND", "0.0.0.0").bindAddress()).isEqualTo("0.0.0.0");
        assertThat(read("CALLCODES_LOCAL_BIND", "::1").bindAddress()).isEqualTo("::1");
        assertThat(read("MicrosoftAppId", "app", "MicrosoftAppPassword", "secret", "MicrosoftAppTenantId", "t",
                "CALLCODES_LOCAL_BIND", "127.0.0.1").bindAddress()).as("a deployed bot listens everywhere").isNull();
        assertThatThrownBy(() -> read("CALLCODES_LOCAL_BIND", "my-laptop"))
                .hasMessageStartingWith("CALLCODES_LOCAL_BIND='my-laptop' must be an IP address");
    }

    @Test
    void slowRequestLimitsHaveDefaultsAndBounds() {
        BotSettings.Server server = read().server();
        assertThat(server.maxConcurrentUploads()).isEqualTo(128);
        assertThat(server.bodyReadSeconds()).isEqualTo(60);
        assertThat(server.fileTransferSeconds()).isEqualTo(60);
        assertThatThrownBy(() -> read("CALLCODES_BODY_READ_SECONDS", "0"))
                .hasMessage("CALLCODES_BODY_READ_SECONDS='0' must be a whole number from 1 to 3600");
    }

    @Test
    void badValuesNameTheVariableAndTheValue() {
        assertThatThrownBy(() -> read("MicrosoftAppType", "UserAssignedMSI"))
                .hasMessage("MicrosoftAppType='UserAssignedMSI' is not supported: use SingleTenant (the default)"
                        + " or MultiTenant");
        assertThatThrownBy(() -> read("MicrosoftAppPassword", "secret"))
                .hasMessageStartingWith("MicrosoftAppPassword is set but MicrosoftAppId is empty");
        assertThatThrownBy(() -> read("MicrosoftAppId", "app"))
                .hasMessageStartingWith("MicrosoftAppPassword is empty: the bot MicrosoftAppId=app");
        assertThatThrownBy(() -> read("CALLCODES_CONNECTOR_MAX_REQUESTS_PER_HOST", "lots"))
                .hasMessage("CALLCODES_CONNECTOR_MAX_REQUESTS_PER_HOST='lots' must be a whole number from 1 to 1000");
        assertThatThrownBy(() -> read("CALLCODES_CONNECTOR_MAX_RETRIES", "11"))
                .hasMessageContaining("from 0 to 10");
        assertThatThrownBy(() -> read("CALLCODES_LOG_MESSAGE_TEXT", "maybe"))
                .hasMessage("CALLCODES_LOG_MESSAGE_TEXT='maybe' must be true or false");
    }

    @Test
    void thePasswordNeverReachesTheLog() {
        BotSettings settings = read("MicrosoftAppId", "app", "MicrosoftAppPassword", "s3cr3t-value",
                "MicrosoftAppTenantId", "tenant");

        assertThat(settings.toString()).doesNotContain("s3cr3t").contains("appPassword=***");
    }
}
