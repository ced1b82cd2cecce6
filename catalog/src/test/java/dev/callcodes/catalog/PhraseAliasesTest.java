package dev.callcodes.catalog;

import dev.callcodes.catalog.explain.Answer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A pasted alias (an earlier or alternative official wording) finds its entry like the phrase does. */
class PhraseAliasesTest {

    private final Catalog catalog = TestCatalog.get();

    @Test
    void everyAliasFindsItsEntry() {
        List<String> problems = new ArrayList<>();
        int aliases = 0;
        for (CatalogEntry e : catalog.entries()) {
            for (PhraseAlias alias : e.aliases()) {
                aliases++;
                if (!catalog.byPhrase(alias.phrase()).contains(e)) {
                    problems.add(e.id() + ": byPhrase misses alias '" + alias.phrase() + "'");
                }
                if (!catalog.normalizedPhrases().contains(Phrases.normalize(alias.phrase()))) {
                    problems.add(e.id() + ": normalizedPhrases misses alias '" + alias.phrase() + "'");
                }
                if (!e.hasPhrase(alias.phrase())) {
                    problems.add(e.id() + ": hasPhrase misses alias '" + alias.phrase() + "'");
                }
            }
        }
        assertThat(aliases).isGreaterThan(20);
        assertThat(problems).as("aliases not found").isEmpty();
    }

    @Test
    void aBulletedMessageCopiedLineByLineFindsItsEntry() {
        String copiedFromThePage = "Call forbidden.\nCall canceled.\nCall rejected.";
        String markdownSource = "- Call forbidden.\n - Call canceled.\n - Call rejected.";
        assertThat(catalog.byPhrase(copiedFromThePage)).extracting(CatalogEntry::id).containsExactly("pstn-560403-403");
        assertThat(catalog.byPhrase(markdownSource)).extracting(CatalogEntry::id).containsExactly("pstn-560403-403");
    }

    @Test
    void theOldGraphWordingStillFindsTheRewordedEntry() {
        CatalogEntry entry = catalog.entry("graph-10076-480").orElseThrow();
        assertThat(entry.phrase()).isEqualTo("Callee couldn't be reached.");
        assertThat(catalog.byPhrase("Callee could not be reached.")).contains(entry);

        List<Answer> answers = TestCatalog.codes().explain("Callee could not be reached.").answers();
        assertThat(answers).hasSize(1);
        assertThat(answers.get(0).entries()).contains(entry);
    }
}
