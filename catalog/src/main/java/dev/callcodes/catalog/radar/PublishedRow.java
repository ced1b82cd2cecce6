package dev.callcodes.catalog.radar;

/**
 * One code pair as a Microsoft page publishes it: the Microsoft code (subcode) or null, the SIP (or status) code or
 * null, the phrase as it reads on the page with markup removed, the page and the line it is on.
 */
public record PublishedRow(String microsoftCode, Integer sipCode, String phrase, String page, int line) {
}
