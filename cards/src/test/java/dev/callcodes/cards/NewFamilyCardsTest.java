package dev.callcodes.cards;

import com.fasterxml.jackson.databind.JsonNode;
import dev.callcodes.catalog.Catalog;
import dev.callcodes.catalog.NewFamilyCatalog;
import dev.callcodes.catalog.explanation.CallCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Cards label a family added by data alone with its families.yaml label, from the catalog they render. */
class NewFamilyCardsTest {

    @TempDir
    Path dir;

    @Test
    void theAnswerCardOfANewFamilyShowsItsLabel() {
        Catalog catalog = NewFamilyCatalog.load(dir);
        CallCodes codes = CallCodes.of(catalog);
        AnswerCards cards = new AnswerCards(catalog);

        CardData own = cards.fill(codes.explain(NewFamilyCatalog.PHRASE).answers().get(0));
        assertThat(own.template()).isEqualTo(CardTemplates.ANSWER);
        assertThat(own.tree().at("/entry/familyLabel").asText()).isEqualTo(NewFamilyCatalog.LABEL);
        assertThat(own.tree().at("/entry/appliesTo").asText()).isEqualTo("Operator Connect");
        Card card = cards.forAnswer(codes.explain(NewFamilyCatalog.PHRASE).answers().get(0));
        assertThat(card.content().toString()).contains(NewFamilyCatalog.LABEL);

        // Listed last for its pair: its rank (8) comes after Direct Routing (1) and ACS PSTN (3).
        CardData pair = cards.fill(codes.explain("511404 404").answers().get(0));
        assertThat(pair.tree().at("/entry/familyLabel").asText()).isEqualTo("Teams Direct Routing: SIP response codes");
        List<String> variants = pair.tree().get("variants").findValuesAsText("familyLabel");
        assertThat(variants).containsExactly("Azure Communication Services: PSTN codes", NewFamilyCatalog.LABEL);
    }

    @Test
    void cardsOfTheEmbeddedCatalogDoNotKnowIt() {
        JsonNode data = CardCases.CARDS.fill(CardCases.answers("511404 404").get(0)).tree();
        assertThat(data.toString()).doesNotContain(NewFamilyCatalog.LABEL);
    }
}
