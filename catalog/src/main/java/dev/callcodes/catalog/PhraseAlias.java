package dev.callcodes.catalog;

/**
 * Another official wording of an entry's phrase: an earlier revision of the page, another Microsoft page, or the same
 * message as it reads when a bulleted list is copied. A pasted alias finds the entry like its phrase does.
 *
 * @param phrase the wording, verbatim as published
 * @param source the official page that publishes (or published) it
 * @param note   where and when that wording appears, said plainly
 */
public record PhraseAlias(String phrase, String source, String note) {
}
