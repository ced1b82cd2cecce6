package dev.callcodes.catalog;

import java.util.List;
import java.util.Map;

/**
 * One official row, explained: the codes and phrase exactly as published, and CallCodes' own summary, cause and
 * remediation steps, with the official page(s) it comes from.
 *
 * @param microsoftCode the Microsoft response code (CallEndSubReason, subcode) as published, or null
 * @param sipCodes      the SIP or ACS status code(s) of the row; empty when the row has none
 * @param originator    the effective originator: the entry's override, or the 560 rule
 * @param aliases       other official wordings of the phrase (earlier revisions, bulleted lists as copied)
 * @param symptoms      what people type or see when they meet this code ("calls drop after 30 seconds"), in
 *                      CallCodes' own words; search ranks by them, answers do not show them
 */
public record CatalogEntry(
        String id,
        String family,
        String microsoftCode,
        List<Integer> sipCodes,
        String phrase,
        String summary,
        String cause,
        List<String> steps,
        Originator originator,
        String originatorNote,
        List<String> appliesTo,
        List<String> sources,
        List<String> related,
        List<String> sourceNotes,
        List<PublishedPair> publishedAs,
        List<PhraseAlias> aliases,
        Map<String, String> context,
        List<String> symptoms) {

    public CatalogEntry {
        sipCodes = List.copyOf(sipCodes);
        steps = List.copyOf(steps);
        appliesTo = List.copyOf(appliesTo);
        sources = List.copyOf(sources);
        related = List.copyOf(related);
        sourceNotes = List.copyOf(sourceNotes);
        publishedAs = List.copyOf(publishedAs);
        aliases = List.copyOf(aliases);
        context = Map.copyOf(context);
        symptoms = List.copyOf(symptoms);
    }

    /** The SIP code to show for this entry: the given one when the entry covers it, else its first. */
    public Integer sipCodeFor(Integer wanted) {
        if (wanted != null && sipCodes.contains(wanted)) {
            return wanted;
        }
        return sipCodes.isEmpty() ? null : sipCodes.get(0);
    }

    /** Whether the text is this entry's phrase or one of its aliases, after {@link Phrases#normalize}. */
    public boolean hasPhrase(String text) {
        String wanted = Phrases.normalize(text);
        return Phrases.normalize(phrase).equals(wanted)
                || aliases.stream().anyMatch(a -> Phrases.normalize(a.phrase()).equals(wanted));
    }

    /** Whether the 560 rule alone would name another originator than this entry does. */
    public boolean overridesRule() {
        return originator != Originator.byRule(microsoftCode);
    }
}
