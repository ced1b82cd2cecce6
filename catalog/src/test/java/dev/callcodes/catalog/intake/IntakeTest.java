package dev.callcodes.catalog.intake;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.callcodes.catalog.Phrases;
import dev.callcodes.catalog.TestCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Table-driven: every case of {@code intake/parser-cases.yaml}, realistic pastes and the traps among them. A case
 * lists what the intake reports in order: references from free text and the references of records (table rows,
 * JSON records), before any counting or folding into answers.
 */
class IntakeTest {

    record Case(String name, String input, List<String> expect) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final Intake INTAKE = new Intake(TestCatalog.get());

    static List<Case> cases() throws IOException {
        try (InputStream in = IntakeTest.class.getResourceAsStream("/intake/parser-cases.yaml")) {
            return new ObjectMapper(new YAMLFactory()).readValue(in, new TypeReference<>() { });
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void findsExactlyTheExpectedReferencesInOrder(Case c) {
        assertThat(references(c.input()).stream().map(IntakeTest::describe).toList())
                .as("references in: %s", c.input()).containsExactlyElementsOf(c.expect());
    }

    @Test
    void theTableHasMoreThanSixtyCases() throws IOException {
        assertThat(cases()).hasSizeGreaterThan(60);
    }

    @Test
    void aPhraseInTheSameRecordChoosesTheVariant() {
        List<CodeReference> refs = references("""
                Final SIP code: 504
                Final Microsoft subcode: 569002
                Final SIP phrase: Unable to deliver INVITE: No connection could be made because the target machine actively refused it
                """);
        assertThat(refs).singleElement().satisfies(ref -> {
            assertThat(ref.microsoftCode()).isEqualTo("569002");
            assertThat(ref.phrase()).startsWith("Unable to deliver INVITE: No connection");
        });
    }

    @Test
    void theReasonHeaderCompletesABareStatusLineWithTheMicrosoftCodeItsPhraseNames() {
        List<CodeReference> refs = references("SIP/2.0 403 Forbidden\nReason: Q.850;cause=21;text=\"x;Forbidden; Call rejected\"");
        assertThat(refs).singleElement().satisfies(ref -> {
            assertThat(ref.microsoftCode()).isEqualTo("560403");
            assertThat(ref.sipCode()).isEqualTo(403);
            assertThat(ref.provenance()).as("taken from the phrase, not written").isEqualTo(Provenance.PHRASE);
            assertThat(ref.q850Cause()).isEqualTo(21);
        });
    }

    @Test
    void userTextIsNeverEvaluatedOrLost() {
        String hostile = "${1+1} \\\" <script>alert('x')</script> **510559** 403";
        assertThat(references(hostile)).extracting(IntakeTest::describe).containsExactly("510559/403");
    }

    static List<CodeReference> references(String text) {
        List<CodeReference> found = new ArrayList<>();
        INTAKE.read(PlainText.of(text), new IntakeListener() {
            @Override
            public void reference(CodeReference reference) {
                found.add(reference);
            }

            @Override
            public void record(CallRecord record) {
                found.add(record.reference());
            }

            @Override
            public void unreadable(long line, String reason) {
            }
        }, ReadingBudget.unlimited());
        return found;
    }

    static String describe(CodeReference ref) {
        if (ref.isRule()) {
            return "rule:" + ref.rule();
        }
        if (!ref.hasCode()) {
            return ref.phrase() != null ? "phrase:" + Phrases.normalize(ref.phrase()) : "q850:" + ref.q850Cause();
        }
        return Objects.toString(ref.microsoftCode(), "-") + "/" + Objects.toString(ref.sipCode(), "-");
    }
}
