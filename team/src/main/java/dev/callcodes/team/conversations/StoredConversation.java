package dev.callcodes.team.conversations;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * Where the bot can write later (a proactive message): the Bot Framework conversation reference as JSON (kept as
 * the SDK wrote it, so this module needs no SDK), and what identifies it.
 *
 * @param teamId the team of a channel conversation, or null
 */
public record StoredConversation(String tenantId, String conversationId, String conversationType, String teamId,
                                 JsonNode reference, Instant savedAt) {
}
