package dev.callcodes.catalog.explain;

import dev.callcodes.catalog.CatalogEntry;
import dev.callcodes.catalog.Originator;
import dev.callcodes.catalog.Q850Cause;
import dev.callcodes.catalog.SipCodeInfo;

import java.util.List;

/**
 * The explanation of one distinct reference found in the user's text.
 *
 * @param microsoftCode the Microsoft code given or derived, or null
 * @param sipCode       the SIP code given or derived, or null
 * @param phrase        the phrase the user gave with the codes, or null
 * @param occurrences   how many times the reference appeared in the text
 * @param warnings      contradictions and gaps the reader should know about
 * @param notes         what the rules say, where no catalog entry does
 * @param entries       matching catalog entries, best first
 * @param sip           the general meaning of the SIP code, when known
 * @param q850Cause     the Q.850 cause read with the codes (a Reason header, ACS Q850Details), or null
 * @param q850          what the catalog says about that cause, or null (no cause, or one the catalog does not list)
 * @param rule          what the sources say about the family of codes the text named ("560xxx", "5xx"), or null
 */
public record Answer(
        String microsoftCode,
        Integer sipCode,
        String phrase,
        Originator originator,
        Match match,
        int occurrences,
        List<String> warnings,
        List<String> notes,
        List<CatalogEntry> entries,
        SipCodeInfo sip,
        Integer q850Cause,
        Q850Cause q850,
        CodeRule rule) {

    public Answer {
        warnings = List.copyOf(warnings);
        notes = List.copyOf(notes);
        entries = List.copyOf(entries);
    }

    public Answer withOccurrences(int count) {
        return new Answer(microsoftCode, sipCode, phrase, originator, match, count, warnings, notes, entries, sip,
                q850Cause, q850, rule);
    }
}
