package dev.callcodes.catalog.intake;

import dev.callcodes.catalog.CatalogEntry;
import dev.callcodes.catalog.TestCatalog;
import dev.callcodes.catalog.explain.Answer;
import dev.callcodes.catalog.explain.Match;
import dev.callcodes.catalog.explanation.Explanation;
import dev.callcodes.catalog.explanation.ReplyKind;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The query text card buttons, the message action and the message extension write reads back to what it was written
 * for: every pair of the catalog, every Microsoft code and every SIP code alone, and for pairs with several
 * variants, the variant its phrase names. All failures are listed at once.
 */
class QueryTextTest {

    @Test
    void everyCatalogPairReadsBackToItselfExactly() {
        List<String> problems = new ArrayList<>();
        int pairs = 0;
        for (CatalogEntry entry : TestCatalog.get().entries()) {
            for (int sip : entry.sipCodes()) {
                if (entry.microsoftCode() == null) {
                    continue;
                }
                pairs++;
                String query = QueryText.of(entry.microsoftCode(), sip);
                Answer answer = only(query, problems);
                if (answer != null && (!entry.microsoftCode().equals(answer.microsoftCode())
                        || !Objects.equals(sip, answer.sipCode()) || answer.match() != Match.EXACT)) {
                    problems.add("'" + query + "' read back as " + answer.microsoftCode() + "/" + answer.sipCode()
                            + " " + answer.match());
                }
            }
        }
        assertThat(pairs).isGreaterThan(250);
        assertThat(problems).as("of %d pairs, these did not read back", pairs).isEmpty();
    }

    @Test
    void aPhraseInTheQueryPicksItsVariant() {
        List<String> problems = new ArrayList<>();
        int variants = 0;
        for (CatalogEntry entry : TestCatalog.get().entries()) {
            if (entry.microsoftCode() == null || entry.sipCodes().isEmpty()) {
                continue;
            }
            int sip = entry.sipCodes().get(0);
            if (TestCatalog.get().byPair(entry.microsoftCode(), sip).size() < 2) {
                continue;
            }
            variants++;
            String query = QueryText.of(entry.microsoftCode(), sip, entry.phrase());
            Answer answer = only(query, problems);
            // Two families may publish one phrase for one pair (Teams and Graph): then either entry is the variant.
            if (answer != null && (answer.entries().isEmpty() || !answer.entries().get(0).hasPhrase(entry.phrase()))) {
                problems.add("'" + query.replace('\n', ' ') + "' put "
                        + (answer.entries().isEmpty() ? "no entry" : answer.entries().get(0).id()) + " first, not "
                        + entry.id());
            }
        }
        assertThat(variants).isGreaterThan(10);
        assertThat(problems).as("of %d variants, these were not picked by their phrase", variants).isEmpty();
    }

    @Test
    void aMicrosoftCodeOrASipCodeAloneReadsBackAlone() {
        List<String> problems = new ArrayList<>();
        for (CatalogEntry entry : TestCatalog.get().entries()) {
            if (entry.microsoftCode() != null) {
                Answer answer = only(QueryText.of(entry.microsoftCode(), null), problems);
                if (answer != null && !entry.microsoftCode().equals(answer.microsoftCode())) {
                    problems.add(entry.microsoftCode() + " alone read back as " + answer.microsoftCode());
                }
            }
        }
        TestCatalog.get().sipCodes().forEach(info -> {
            Answer answer = only(QueryText.of(null, info.code()), problems);
            if (answer != null && (answer.microsoftCode() != null || answer.sipCode() != info.code())) {
                problems.add("SIP " + info.code() + " alone read back as " + answer.microsoftCode() + "/" + answer.sipCode());
            }
        });
        assertThat(problems).isEmpty();
    }

    private static Answer only(String query, List<String> problems) {
        Explanation explanation = TestCatalog.codes().explain(query);
        if (explanation.kind() != ReplyKind.ANSWER) {
            problems.add("'" + query.replace('\n', ' ') + "' gave " + explanation.kind() + " with "
                    + explanation.answers().size() + " answers");
            return null;
        }
        return explanation.answers().get(0);
    }
}
