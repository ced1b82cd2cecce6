package dev.callcodes.catalog;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PhrasesTest {

    @Test
    void normalizationIgnoresCaseSpacingTypographyAndTheFinalPeriod() {
        assertThat(Phrases.normalize("  \u201CForbidden;   Call\u00A0rejected.\u201D "))
                .isEqualTo(Phrases.normalize("forbidden; call rejected"));
        assertThat(Phrases.normalize("Timeout \u2013 callee didn\u2019t respond in time."))
                .isEqualTo("timeout - callee didn't respond in time");
    }

    @Test
    void foldingKeepsTheLengthSoOffsetsStayValid() {
        String text = "Subcódigo final da Microsoft: 510559";
        assertThat(Phrases.foldAll(text)).hasSameSizeAs(text).startsWith("subcodigo final");
    }

    @Test
    void the560RuleNamesTheSbcAndTheSipCode() {
        assertThat(Originator.byRule("560403")).isEqualTo(Originator.SBC);
        assertThat(Originator.byRule("569002")).isEqualTo(Originator.MICROSOFT);
        assertThat(Originator.byRule("540403")).isEqualTo(Originator.MICROSOFT);
        assertThat(Originator.byRule(null)).isEqualTo(Originator.UNKNOWN);
        assertThat(Originator.impliedSipCode("560484")).isEqualTo(484);
        assertThat(Originator.impliedSipCode("560000")).isNull();
        assertThat(Originator.impliedSipCode("560999")).isNull();
        assertThat(Originator.impliedSipCode("5604030")).isNull();
    }
}
