package dev.callcodes.catalog.radar;

/**
 * One difference between Microsoft's pages and the catalog.
 *
 * @param published     the page's row; null for a removed pair
 * @param entryId       the catalog entry concerned; null for a new pair or page
 * @param catalogPhrase the entry's phrase; null for a new pair or page
 * @param catalogSip    for a moved pair, the SIP code the catalog has it under
 * @param url           the official page (learn.microsoft.com) the page's text is published on
 */
public record Finding(Kind kind, String family, String page, PublishedRow published, String microsoftCode,
                      Integer sipCode, String entryId, String catalogPhrase, Integer catalogSip, String url) {

    public enum Kind {
        /** A page the catalog has no entry from. Its pairs are reported as new pairs too. */
        NEW_PAGE,
        /** A pair (or a further phrase of a known pair) the catalog does not have. */
        NEW_PAIR,
        /** A pair the catalog has from a page that no longer publishes it. */
        REMOVED_PAIR,
        /** A pair whose published phrase is neither the entry's phrase nor one of its aliases. */
        REWORDED,
        /** A Microsoft code and phrase the catalog has under another SIP code. */
        MOVED
    }
}
