package dev.callcodes.bot.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import com.microsoft.bot.schema.Attachment;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ConversationAccount;
import com.microsoft.bot.schema.Entity;
import com.microsoft.bot.schema.Mention;

import java.util.List;
import java.util.Map;

/** Teams-shaped activities for tests, as the Teams service sends them. */
final class Activities {

    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    static final String BOT_ID = "28:callcodes-bot";
    static final String BOT_NAME = "CallCodes";

    private Activities() {
    }

    static Activity personal(String text) {
        Activity activity = base(ActivityTypes.MESSAGE, "personal", "a:personal-chat");
        activity.setText(text);
        return activity;
    }

    /** A channel post that @mentions the bot; replies belong in the thread ({@code ;messageid=}). */
    static Activity channelMention(String textAfterMention) {
        Activity activity = base(ActivityTypes.MESSAGE, "channel",
                "19:support@thread.tacv2;messageid=1700000000000");
        activity.setText("<at>" + BOT_NAME + "</at> " + textAfterMention);
        Mention mention = new Mention();
        mention.setMentioned(new ChannelAccount(BOT_ID, BOT_NAME));
        mention.setText("<at>" + BOT_NAME + "</at>");
        activity.setEntities(List.of(new Entity().setAs(mention)));
        return activity;
    }

    /** A file sent in chat, as Teams delivers it: a download-info attachment with a short-lived link. */
    static Activity file(String conversationType, String name, String fileType, String downloadUrl) {
        Activity activity = base(ActivityTypes.MESSAGE, conversationType, "personal".equals(conversationType)
                ? "a:personal-chat" : "19:support@thread.tacv2;messageid=1700000000000");
        Attachment attachment = new Attachment();
        attachment.setContentType("application/vnd.microsoft.teams.file.download.info");
        attachment.setName(name);
        attachment.setContent(Map.of("downloadUrl", downloadUrl, "uniqueId", "1150D938-8870-4044-9F2C-5BBDEBA70C9D",
                "fileType", fileType));
        activity.setAttachments(List.of(attachment));
        return activity;
    }

    static Activity invoke(String name, Object value) {
        Activity activity = base(ActivityTypes.INVOKE, "personal", "a:personal-chat");
        activity.setName(name);
        activity.setValue(JSON.convertValue(value, Map.class));
        return activity;
    }

    static Activity installed() {
        Activity activity = base(ActivityTypes.INSTALLATION_UPDATE, "personal", "a:personal-chat");
        activity.setAction("add");
        return activity;
    }

    static Activity base(String type, String conversationType, String conversationId) {
        Activity activity = new Activity(type);
        activity.setId("incoming-" + System.nanoTime());
        activity.setChannelId("msteams");
        activity.setServiceUrl("https://smba.trafficmanager.net/emea/");
        activity.setFrom(new ChannelAccount("29:admin", "Alex Admin"));
        activity.setRecipient(new ChannelAccount(BOT_ID, BOT_NAME));
        ConversationAccount conversation = new ConversationAccount();
        conversation.setId(conversationId);
        conversation.setConversationType(conversationType);
        conversation.setIsGroup(!"personal".equals(conversationType));
        activity.setConversation(conversation);
        return activity;
    }

    /** The card JSON of each adaptive-card attachment of an activity. */
    static List<JsonNode> cards(Activity activity) {
        return activity.getAttachments().stream().map(a -> JSON.valueToTree(a.getContent())).map(JsonNode.class::cast)
                .toList();
    }

    static JsonNode tree(Object value) {
        return JSON.valueToTree(value);
    }
}
