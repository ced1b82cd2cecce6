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
    void singleTenantIsTheDefaultAndNeedsItsTenant() {
        assertThatThrownBy(() -> read("MicrosoftAppId", "app", "MicrosoftAppPassword", "secret"))
                .hasMessageStartingWith("MicrosoftAppTenantId is empty: a SingleTenant bot needs");

        BotSettings settings = read("MicrosoftAppId", "app", "MicrosoftAppPassword", "secret",
                "MicrosoftAppTenantId", "tenant");
        assertThat(settings.authenticationEnabled()).isTrue();
        assertThat(settings.localChatEnabled()).isFalse();
    }

    @Test
    void multiTenantNeedsNoTenant() {
        BotSettings settings = read("MicrosoftAppId", "app", "MicrosoftAppPassword", "secret",
                "MicrosoftAppType", "MultiTenant");

        assertThat(settings.appType()).isEqualTo(BotSettings.AppType.MULTI_TENANT);
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
