package dev.callcodes.catalog.text;

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
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Table-driven: every case of {@code text/parser-cases.yaml}, realistic pastes and the traps among them. */
class CodeFinderTest {

    record Case(String name, String input, List<String> expect) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final CodeFinder FINDER = new CodeFinder(TestCatalog.get());

    static List<Case> cases() throws IOException {
        try (InputStream in = CodeFinderTest.class.getResourceAsStream("/text/parser-cases.yaml")) {
            return new ObjectMapper(new YAMLFactory()).readValue(in, new TypeReference<>() { });
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void findsExactlyTheExpectedReferencesInOrder(Case c) {
        List<String> found = FINDER.find(c.input()).stream().map(CodeFinderTest::describe).toList();
        assertThat(found).as("references in: %s", c.input()).containsExactlyElementsOf(c.expect());
    }

    @Test
    void theTableHasMoreThanSixtyCases() throws IOException {
        assertThat(cases()).hasSizeGreaterThan(60);
    }

    @Test
    void aPhraseInTheSameRecordChoosesTheVariant() {
        List<CodeReference> refs = FINDER.find("""
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
    void theReasonHeaderCompletesABareStatusLineWithItsMicrosoftCode() {
        List<CodeReference> refs = FINDER.find("SIP/2.0 403 Forbidden\nReason: Q.850;cause=21;text=\"x;Forbidden; Call rejected\"");
        assertThat(refs).singleElement().satisfies(ref -> {
            assertThat(ref.microsoftCode()).isEqualTo("560403");
            assertThat(ref.sipCode()).isEqualTo(403);
        });
    }

    @Test
    void userTextIsNeverEvaluatedOrLost() {
        String hostile = "${1+1} \\\" <script>alert('x')</script> **510559** 403";
        assertThat(FINDER.find(hostile)).extracting(CodeFinderTest::describe).containsExactly("510559/403");
    }

    static String describe(CodeReference ref) {
        if (!ref.hasCode()) {
            return "phrase:" + Phrases.normalize(ref.phrase());
        }
        return (ref.microsoftCode() == null ? "-" : ref.microsoftCode()) + "/"
                + (ref.sipCode() == null ? "-" : ref.sipCode());
    }
}
