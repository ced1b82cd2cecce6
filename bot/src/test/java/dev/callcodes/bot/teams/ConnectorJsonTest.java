package dev.callcodes.bot.teams;

import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.restclient.serializer.JacksonAdapter;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Attachment;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ConversationAccount;
import com.microsoft.bot.schema.ResourceResponse;
import com.microsoft.bot.schema.teams.FileConsentCard;
import dev.callcodes.catalog.Catalog;
import dev.callcodes.bot.chat.ChatRoutes;
import dev.callcodes.cards.AnswerCards;
import dev.callcodes.catalog.explanation.CallCodes;
import dev.callcodes.catalog.intake.PlainText;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The connector's JSON without the SDK's flattening serializer is the same, byte for byte, as with it, for every kind
 * of reply the bot sends: what Teams receives does not change, only what it costs.
 */
class ConnectorJsonTest {

    private static final JacksonAdapter SDK = new JacksonAdapter();
    private static final JacksonAdapter OURS = new ConnectorJson();
    private static ChatRoutes routes;

    @BeforeAll
    static void load() {
        routes = ChatRoutes.standard(CallCodes.embedded(), new AnswerCards(Catalog.loadEmbedded()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"what is 510559 403", "569002 504", "510559 403\n560403 403\n569008 504", "help", "hello",
            "SIP 488", "560xxx", "search certificate expired", "Forbidden; Call rejected",
            "Final SIP code,Final Microsoft subcode,Call type\n403,510559,Outbound\n504,569008,Outbound\n403,560403,Inbound",
            "zzqx \"quoted\" <b>tags</b> \u00e9\u00e8 \ud83d\udcde a.b.c: {\"x.y\": 1}"})
    void aReplyIsWrittenTheSameAsTheSdkWritesIt(String text) throws IOException {
        Activity reply = addressed(TeamsReplies.message(routes.answer(PlainText.of(text))));

        assertThat(OURS.serialize(reply)).isEqualTo(SDK.serialize(reply));
    }

    @Test
    void textMentionsChannelDataAndAFileConsentCardAreWrittenTheSame() throws IOException {
        Activity text = addressed(MessageFactory.text("Sorry, something went wrong (reference: 0123abcd)."));
        text.setChannelData(Map.of("tenant", Map.of("id", "tenant-1"), "notification", Map.of("alert", true)));
        text.setTextFormat(com.microsoft.bot.schema.TextFormatTypes.MARKDOWN);
        FileConsentCard consent = new FileConsentCard();
        consent.setDescription("Breakdown of 10,000 rows");
        consent.setSizeInBytes(123_456L);
        consent.setAcceptContext(Map.of("csv", "Final SIP code,Count\n403,12\n"));
        consent.setDeclineContext(Map.of());
        Attachment attachment = new Attachment();
        attachment.setContentType(FileConsentCard.CONTENT_TYPE);
        attachment.setName("breakdown.csv");
        attachment.setContent(consent);
        Activity file = addressed(MessageFactory.attachment(attachment));

        for (Activity activity : List.of(text, file)) {
            assertThat(OURS.serialize(activity)).isEqualTo(SDK.serialize(activity));
        }
    }

    @Test
    void theConnectorsAnswerIsReadTheSame() throws IOException {
        String body = "{\"id\":\"1700000000001\",\"extra\":\"ignored\"}";

        ResourceResponse ours = OURS.deserialize(body, ResourceResponse.class);

        assertThat(ours.getId()).isEqualTo(SDK.<ResourceResponse>deserialize(body, ResourceResponse.class).getId())
                .isEqualTo("1700000000001");
    }

    /** What the SDK adds before it sends a reply: the conversation, both parties, the reply-to id, a timestamp. */
    private static Activity addressed(Activity reply) {
        reply.setChannelId("msteams");
        reply.setServiceUrl("https://smba.trafficmanager.net/emea/");
        reply.setFrom(new ChannelAccount("28:callcodes-bot", "CallCodes"));
        reply.setRecipient(new ChannelAccount("29:admin", "Alex Admin"));
        ConversationAccount conversation = new ConversationAccount();
        conversation.setId("19:support@thread.tacv2;messageid=1700000000000");
        conversation.setConversationType("channel");
        conversation.setIsGroup(true);
        reply.setConversation(conversation);
        reply.setReplyToId("1700000000000");
        reply.setTimestamp(OffsetDateTime.of(2026, 12, 2, 15, 4, 5, 123_000_000, ZoneOffset.UTC));
        reply.setLocale("en-GB");
        return reply;
    }
}
