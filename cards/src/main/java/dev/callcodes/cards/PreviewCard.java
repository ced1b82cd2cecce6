package dev.callcodes.cards;

import dev.callcodes.catalog.Wording;
import dev.callcodes.catalog.explain.Answer;

/** The preview template's data: the compact message-extension result. */
record PreviewCard(String title, String phrase, String originatorLabel, String fallbackText) implements CardData {

    static PreviewCard of(Answer a) {
        String title = CardData.label(a, "Phrase");
        String phrase = CardData.phraseOf(a);
        return new PreviewCard(title, phrase, Wording.originatorBadge(a.originator()),
                title + (phrase.isEmpty() ? "" : ": " + phrase));
    }
}
