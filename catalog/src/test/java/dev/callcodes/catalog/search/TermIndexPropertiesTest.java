package dev.callcodes.catalog.search;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The index leaves out a typo candidate whose letter counts differ by more than twice the typos allowed; that is
 * only right if no such word is within the edit distance. Short words over a few letters make near words common.
 */
class TermIndexPropertiesTest {

    @Property(tries = 3000)
    void wordsTheCountsRuleOutAreFurtherThanTheTyposAllowed(
            @ForAll @StringLength(min = 1, max = 9) @Chars({'a', 'b', 'c', 'e', 'r'}) String a,
            @ForAll @StringLength(min = 1, max = 9) @Chars({'a', 'b', 'c', 'e', 'r'}) String b,
            @ForAll @IntRange(min = 1, max = 2) int typos) {
        if (TermIndex.countDistance(TermIndex.letterCounts(a), TermIndex.letterCounts(b)) > 2 * typos) {
            assertThat(EditDistance.atMost(a, b, typos)).as("%s / %s", a, b).isGreaterThan(typos);
        }
    }
}
