package dev.callcodes.cards;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An expanded Adaptive Card.
 *
 * @param template which template made it (answer, sip-code, unlisted, summary, help, preview)
 * @param content  the card JSON (its fallbackText is the plain-text version)
 * @param summary  one line for notifications and chat lists
 */
public record Card(String template, JsonNode content, String summary) {

    public static final String CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";
}
