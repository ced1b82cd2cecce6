package dev.callcodes.catalog;

/** Another (Microsoft code, SIP code) pair under which an official table prints an entry, with what to say about it. */
public record PublishedPair(String microsoftCode, int sipCode, String note) {
}
