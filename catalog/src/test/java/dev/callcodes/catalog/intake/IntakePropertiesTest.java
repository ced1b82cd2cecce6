package dev.callcodes.catalog.intake;

import dev.callcodes.catalog.TestCatalog;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of the intake over generated text (bounded for CI): any text is read without an exception, and the
 * numbers that are never codes (phone numbers, dates, times, IP addresses and ports, GUIDs, versions, counts, e-mail
 * and SIP addresses) never give a reference, whatever words and punctuation surround them.
 */
class IntakePropertiesTest {

    private static final Intake INTAKE = new Intake(TestCatalog.get());

    @Property(tries = 300)
    void anyTextIsReadWithoutAnException(@ForAll @StringLength(max = 400) String text) {
        references(text);
        TestCatalog.codes().explain(text);
    }

    @Property(tries = 300)
    void numbersThatAreNeverCodesGiveNoReference(@ForAll("prose with noise") String text) {
        assertThat(references(text)).as("references in: %s", text).isEmpty();
    }

    @Provide("prose with noise")
    Arbitrary<String> proseWithNoise() {
        Arbitrary<String> noise = Arbitraries.oneOf(phoneNumber(), date(), time(), ipAddress(), guid(), version(),
                count(), address());
        Arbitrary<String> word = Arbitraries.of("the", "call", "from", "to", "failed", "at", "on", "user", "our", "SBC",
                "again", "yesterday", "and", "with", "number", "dialled", "see", "log", "ticket");
        Arbitrary<String> separator = Arbitraries.of(" ", ", ", "; ", " - ", " (", ") ", ": ", "\n", "\t", " / ");
        Arbitrary<String> piece = Arbitraries.oneOf(noise, word, word);
        return Combinators.combine(piece.list().ofMinSize(1).ofMaxSize(12), separator.list().ofSize(12))
                .as((pieces, separators) -> {
                    StringBuilder text = new StringBuilder();
                    for (int i = 0; i < pieces.size(); i++) {
                        text.append(pieces.get(i)).append(separators.get(i));
                    }
                    return text.toString();
                });
    }

    private static Arbitrary<String> phoneNumber() {
        Arbitrary<String> digits = Arbitraries.strings().numeric().ofLength(10);
        return Arbitraries.oneOf(
                digits.map(d -> "+1" + d),
                digits.map(d -> "+44 " + d.substring(0, 2) + " " + d.substring(2, 6) + " " + d.substring(6)),
                digits.map(d -> "(" + d.substring(0, 3) + ") " + d.substring(3, 6) + "-" + d.substring(6)),
                digits.map(d -> d.substring(0, 3) + "-" + d.substring(3, 6) + "-" + d.substring(6)),
                digits.map(d -> d.substring(0, 3) + "." + d.substring(3, 6) + "." + d.substring(6)),
                digits.map(d -> "tel:+" + d));
    }

    private static Arbitrary<String> date() {
        Arbitrary<Integer> year = Arbitraries.integers().between(2019, 2027);
        Arbitrary<Integer> month = Arbitraries.integers().between(1, 12);
        Arbitrary<Integer> day = Arbitraries.integers().between(1, 28);
        return Combinators.combine(year, month, day).as((y, m, d) -> List.of(
                String.format("%d-%02d-%02d", y, m, d), String.format("%d/%d/%d", m, d, y),
                String.format("%02d.%02d.%d", d, m, y), String.format("%d-%02d-%02dT%02d:%02d:%02dZ", y, m, d, d, m, d),
                "Nov " + d + ", " + y, d + " March " + y)).flatMap(Arbitraries::of);
    }

    private static Arbitrary<String> time() {
        Arbitrary<Integer> hour = Arbitraries.integers().between(0, 23);
        Arbitrary<Integer> minute = Arbitraries.integers().between(0, 59);
        return Combinators.combine(hour, minute).as((h, m) -> List.of(
                String.format("%02d:%02d", h, m), String.format("%d:%02d:%02d", h, m, m),
                String.format("%d:%02d PM", 1 + h % 12, m))).flatMap(Arbitraries::of);
    }

    private static Arbitrary<String> ipAddress() {
        Arbitrary<Integer> octet = Arbitraries.integers().between(0, 255);
        Arbitrary<Integer> port = Arbitraries.integers().between(1024, 65535);
        return Combinators.combine(octet, octet, octet, port).as((a, b, c, p) -> List.of(
                a + "." + b + "." + c + "." + a, a + "." + b + "." + c + "." + b + ":" + p,
                "sbc" + a + ".contoso.com:" + p, "port " + p, "fe80::" + Integer.toHexString(p))).flatMap(Arbitraries::of);
    }

    private static Arbitrary<String> guid() {
        return Arbitraries.strings().withChars("0123456789abcdef").ofLength(32).map(h -> h.substring(0, 8) + "-"
                + h.substring(8, 12) + "-" + h.substring(12, 16) + "-" + h.substring(16, 20) + "-" + h.substring(20));
    }

    private static Arbitrary<String> version() {
        Arbitrary<Integer> n = Arbitraries.integers().between(0, 999);
        return Combinators.combine(n, n, n).as((a, b, c) -> List.of("v" + a + "." + b + "." + c, a + "." + b + "." + c,
                "7.40A." + a + "." + b, "0x" + Integer.toHexString(a * 65536 + b))).flatMap(Arbitraries::of);
    }

    private static Arbitrary<String> count() {
        Arbitrary<Integer> n = Arbitraries.integers().between(2, 999);
        return n.flatMap(c -> Arbitraries.of(c + " calls", c + " users", c + "%", c + " ms", c + " seconds", "x" + c,
                c + " failed calls"));
    }

    private static Arbitrary<String> address() {
        Arbitrary<Integer> n = Arbitraries.integers().between(100, 699);
        return n.flatMap(c -> Arbitraries.of("user" + c + "@contoso.com", "sip:+1425555" + c + "@sbc.contoso.com",
                "https://learn.microsoft.com/page-" + c, "sbc" + c + ".contoso.com"));
    }

    private static List<CodeReference> references(String text) {
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
}
