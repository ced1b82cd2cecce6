package dev.callcodes.bot.chat;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Where a chat message came from, for the commands that act on the conversation itself ({@code watch}): its ids and
 * the Bot Framework conversation reference as JSON (the bot writes to it later), so this package needs no SDK type.
 * {@link #NONE} when there is no conversation (the message extension, tests of text alone).
 */
public record ChatTurn(String tenantId, String conversationId, String conversationType, JsonNode reference) {

    public static final ChatTurn NONE = new ChatTurn(null, null, null, null);

    public boolean hasConversation() {
        return conversationId != null && !conversationId.isBlank() && reference != null;
    }
}
