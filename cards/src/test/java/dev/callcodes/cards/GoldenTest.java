package dev.callcodes.cards;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Template + data = expected output, for every template, with hostile, empty and missing values among the data. */
class GoldenTest {

    private static final AnswerCards CARDS = new AnswerCards(CardCases.CATALOG);

    static List<GoldenFiles.Golden> golden() {
        return GoldenFiles.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("golden")
    void expandsToTheOfficialEnginesOutput(GoldenFiles.Golden golden) {
        assertThat(CARDS.expand(golden.template(), golden.data())).isEqualTo(golden.expected());
    }

    @Test
    void everyTemplateHasTypicalHostileEmptyAndMissingCases() {
        for (String template : CardTemplates.NAMES) {
            assertThat(golden()).filteredOn(g -> g.template().equals(template))
                    .extracting(GoldenFiles.Golden::name)
                    .as("golden cases of %s", template)
                    .contains("typical", "hostile", "empty", "missing");
        }
    }

    @Test
    void hostileTextComesOutAsTheSameText() {
        GoldenFiles.Golden hostile = golden().stream()
                .filter(g -> g.template().equals(CardTemplates.ANSWER) && g.name().equals("hostile")).findFirst().orElseThrow();
        String output = hostile.expected().toString();
        assertThat(output).contains("${notAVariable}", "**bold**", "<script>alert('x')</script>", "\\\"hi\\\"",
                "C:\\\\path", "\uD83D\uDE00");
    }
}
