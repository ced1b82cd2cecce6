package dev.callcodes.cards;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.callcodes.catalog.CatalogEntry;
import dev.callcodes.catalog.CodeLabels;
import dev.callcodes.catalog.Families;
import dev.callcodes.catalog.Wording;
import dev.callcodes.catalog.explain.Answer;
import dev.callcodes.catalog.explain.Match;
import dev.callcodes.catalog.intake.QueryText;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** The answer template's data: a reference the catalog lists, its entry and every published variant. */
record AnswerCard(String title, String phrase, @JsonUnwrapped CardData.Header header, String matchLabel,
                  String seenText, int occurrences, Entry entry, boolean hasVariants, String variantsTitle,
                  List<Entry> variants, boolean hasRelated, @JsonUnwrapped CardData.Q850 q850, String fallbackText,
                  String speak) implements CardData {

    static AnswerCard of(Answer a, Families families) {
        CatalogEntry primary = a.entries().get(0);
        String title = CardData.label(a, "Official phrase");
        List<CatalogEntry> others = a.entries().subList(1, a.entries().size());
        return new AnswerCard(title, CardData.phraseOf(a), Header.of(a), a.match().label(),
                a.occurrences() + " times in what you sent", a.occurrences(), Entry.of(primary, a.sipCode(), families), !others.isEmpty(),
                (a.match() == Match.PHRASE ? "Also listed with this phrase (" : "Also published for these codes (")
                        + others.size() + ")",
                others.stream().map(e -> Entry.of(e, a.sipCode(), families)).toList(), !primary.related().isEmpty(),
                Q850.of(a), CardData.fallback(title, primary.phrase(), a.originator(), primary.summary()),
                CardData.spoken(title + ". " + Wording.originatorBadge(a.originator()) + ". " + primary.summary()));
    }

    /** One catalog entry: the card's own, or a variant. */
    record Entry(String familyLabel, String pair, String phrase, String summary, String cause,
                 List<Step> steps, String appliesTo, boolean hasOriginatorNote, String originatorNote,
                 List<String> sourceNotes, List<Source> sources, List<Related> related) {

        static Entry of(CatalogEntry e, Integer sipCode, Families families) {
            return new Entry(families.label(e.family()),
                    CodeLabels.pair(e.microsoftCode(), e.sipCodeFor(sipCode)), e.phrase(), e.summary(), e.cause(),
                    IntStream.range(0, e.steps().size()).mapToObj(i -> new Step((i + 1) + ".", e.steps().get(i))).toList(),
                    e.appliesTo().stream().map(families::productLabel).collect(Collectors.joining(", ")),
                    e.originatorNote() != null, e.originatorNote() == null ? "" : e.originatorNote(), e.sourceNotes(),
                    Source.of(e.sources()), e.related().stream().map(Related::of).toList());
        }
    }

    record Step(String label, String text) {
    }

    /** A related code's button: a three-digit code is a SIP code. */
    record Related(String label, String query) {
        static Related of(String code) {
            boolean sip = code.length() == 3;
            return new Related(sip ? "SIP " + code : code,
                    sip ? QueryText.of(null, Integer.valueOf(code)) : QueryText.of(code, null));
        }
    }
}
