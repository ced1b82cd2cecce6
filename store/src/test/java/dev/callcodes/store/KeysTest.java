package dev.callcodes.store;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The key rule, checked by characters, against the rule as its documentation states it (a regex per segment). */
class KeysTest {

    private static final Pattern SEGMENT = Pattern.compile("[a-z0-9][a-z0-9._-]*");
    private static final char[] ALPHABET = {'a', 'z', '0', '9', '.', '_', '-', '/', 'A', ' ', 'é', ':'};

    private static boolean byTheRule(String key) {
        if (key.isEmpty() || key.length() > Keys.MAX_LENGTH) {
            return false;
        }
        for (String segment : key.split("/", -1)) {
            if (!SEGMENT.matcher(segment).matches() || segment.length() > Keys.MAX_SEGMENT_LENGTH) {
                return false;
            }
        }
        return true;
    }

    private static List<String> everyStringUpTo(int length) {
        List<String> all = new ArrayList<>(List.of(""));
        List<String> previous = List.of("");
        for (int n = 1; n <= length; n++) {
            List<String> next = new ArrayList<>();
            for (String prefix : previous) {
                for (char c : ALPHABET) {
                    next.add(prefix + c);
                }
            }
            all.addAll(next);
            previous = next;
        }
        return all;
    }

    @Test
    void everyShortStringIsAKeyExactlyWhenTheRuleSaysSo() {
        List<String> disagreements = new ArrayList<>();
        for (String text : everyStringUpTo(4)) {
            if (Keys.isValid(text) != byTheRule(text)) {
                disagreements.add("'" + text + "'");
            }
            boolean segment;
            try {
                Keys.segment("the id", text);
                segment = true;
            } catch (IllegalArgumentException refused) {
                segment = false;
            }
            if (segment != (byTheRule(text) && !text.contains("/"))) {
                disagreements.add("segment '" + text + "'");
            }
        }
        assertThat(disagreements).isEmpty();
    }

    @Test
    void segmentsAndKeysAreHeldToTheirLengths() {
        String longest = "a".repeat(Keys.MAX_SEGMENT_LENGTH);
        assertThat(Keys.isValid(longest)).isTrue();
        assertThatThrownBy(() -> Keys.check(longest + "a")).hasMessageContaining("a segment of 201 characters");

        String atTheLimit = (longest + "/").repeat(5) + "a".repeat(Keys.MAX_LENGTH - 5 * 201);
        assertThat(atTheLimit).hasSize(Keys.MAX_LENGTH);
        assertThat(Keys.isValid(atTheLimit)).isTrue();
        assertThatThrownBy(() -> Keys.check(atTheLimit + "a")).hasMessageContaining("1025 characters");
    }

    @Test
    void aRefusedKeyIsNamedWithWhatIsWrong() {
        assertThatThrownBy(() -> Keys.check("notes/Tenant/x")).hasMessage("the key 'notes/Tenant/x' has the segment"
                + " 'Tenant': use lowercase letters, digits, '.', '_' and '-', starting with a letter or digit");
        assertThatThrownBy(() -> Keys.check("notes//x")).hasMessageContaining("an empty segment");
        assertThatThrownBy(() -> Keys.check("../x")).hasMessageContaining("the segment '..'");
    }
}
