package dev.callcodes.bot.chat;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Where a chat message came from, for the commands that act on the conversation itself ({@code watch}): its ids and
 * the Bot Framework conversation reference as JSON (the bot writes to it later), so this package needs no SDK type.
 * {@link #NONE} when there is no conversation (the message extension, tests of text alone).
 *
 * @param userId   who pressed a card's button (their Entra object id, else their Teams id), for the commands that
 *                 act for a person (a vote); null for typed messages
 * @param userName their display name at the time, or null
 * @param formText what they typed into the card's form (a team note), or null
 */
public record ChatTurn(String tenantId, String conversationId, String conversationType, JsonNode reference,
                       String userId, String userName, String formText) {

    public static final ChatTurn NONE = new ChatTurn(null, null, null, null);

    public ChatTurn(String tenantId, String conversationId, String conversationType, JsonNode reference) {
        this(tenantId, conversationId, conversationType, reference, null, null, null);
    }

    public boolean hasConversation() {
        return conversationId != null && !conversationId.isBlank() && reference != null;
    }

    /** The same turn, acting for the person who pressed a button. */
    public ChatTurn by(String userId, String userName) {
        return new ChatTurn(tenantId, conversationId, conversationType, reference, userId, userName, formText);
    }

    /** The same turn with the text of the card's form. */
    public ChatTurn withForm(String text) {
        return new ChatTurn(tenantId, conversationId, conversationType, reference, userId, userName, text);
    }

    public boolean hasUser() {
        return userId != null && !userId.isBlank();
    }
}
