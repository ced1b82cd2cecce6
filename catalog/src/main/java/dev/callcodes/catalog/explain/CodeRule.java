package dev.callcodes.catalog.explain;

import java.util.List;

/**
 * What the sources say about a family of codes the user named as such.
 *
 * @param written        the family as the reader understood it: "560xxx" (a Microsoft code prefix) or "5xx"
 * @param kind           which kind of family it is
 * @param summary        what the rule says, in CallCodes' words
 * @param sources        the pages it comes from
 * @param codesInCatalog how many catalog codes the family holds (0 for a SIP class)
 */
public record CodeRule(String written, Kind kind, String summary, List<String> sources, int codesInCatalog) {

    public enum Kind { MICROSOFT_PREFIX, SIP_CLASS }

    public CodeRule {
        sources = List.copyOf(sources);
    }
}
