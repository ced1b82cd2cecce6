package dev.callcodes.bot.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.connector.authentication.MicrosoftAppCredentials;
import dev.callcodes.catalog.Catalog;
import dev.callcodes.bot.BotSettings;
import dev.callcodes.cards.AnswerCards;
import dev.callcodes.cards.Card;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A message the bot starts (a watch alert), through the app's adapter to a local stub connector that throttles and
 * fails the way Teams does: it arrives once, as a new message, after the same retries as every reply.
 */
class ProactiveMessagesTest {

    private StubConnector connector;
    private CallCodesAdapter adapter;
    private ProactiveMessages messages;
    private final Card card = new AnswerCards(Catalog.loadEmbedded()).help("An alert stands in here.");

    @BeforeEach
    void start() throws Exception {
        connector = new StubConnector();
        BotSettings settings = BotSettings.from(Map.of(BotSettings.MAX_RETRIES, "4")::get);
        adapter = new CallCodesAdapter(settings, MicrosoftAppCredentials.empty(), new SimpleMeterRegistry());
        messages = new ProactiveMessages(adapter, settings.appId());
    }

    @AfterEach
    void stop() throws Exception {
        adapter.close();
        connector.close();
    }

    private JsonNode reference(String conversationId) {
        ObjectNode reference = Activities.JSON.createObjectNode();
        reference.put("channelId", "msteams");
        reference.put("serviceUrl", connector.serviceUrl());
        reference.putObject("conversation").put("id", conversationId).put("conversationType", "channel");
        reference.putObject("bot").put("id", Activities.BOT_ID).put("name", Activities.BOT_NAME);
        return reference;
    }

    @Test
    void throttledAndGatewayAnswersAreRetriedAndTheMessageArrivesOnce() throws Exception {
        connector.failNext(429, 412, 502, 504);

        messages.send(reference("19:alerts@thread.tacv2"), card);

        assertThat(connector.delivered()).containsEntry("19:alerts@thread.tacv2", 1);
        var requests = connector.takeUntilQuiet(Duration.ofSeconds(5), Duration.ofMillis(200));
        assertThat(requests).hasSize(5).allSatisfy(r -> {
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.path()).as("a new post, not a reply").endsWith("/v3/conversations/19:alerts@thread.tacv2/activities");
        });
        JsonNode sent = requests.get(4).body();
        assertThat(sent.path("attachments").path(0).path("contentType").asText()).isEqualTo(Card.CONTENT_TYPE);
        assertThat(sent.path("summary").asText()).isEqualTo(card.summary());
    }

    @Test
    void aConnectorThatRefusesForGoodIsReportedToTheCaller() {
        connector.failNext(403, 403, 403, 403, 403);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> messages.send(reference("a:gone"), card))
                .hasMessageContaining("403");
        assertThat(connector.delivered()).doesNotContainKey("a:gone");
    }
}
