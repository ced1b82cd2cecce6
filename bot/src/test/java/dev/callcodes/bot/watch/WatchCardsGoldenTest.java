package dev.callcodes.bot.watch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.callcodes.cards.Card;
import dev.callcodes.catalog.Originator;
import dev.callcodes.watch.calls.CodeFamily;
import dev.callcodes.watch.calls.CodePair;
import dev.callcodes.watch.detect.Alert;
import dev.callcodes.watch.detect.AlertKind;
import dev.callcodes.watch.detect.IncidentType;
import dev.callcodes.watch.digest.Digest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The watch's cards against golden files (src/test/resources/watch-cards/golden/NAME.json), from typed alerts and
 * digests. {@code -Dgolden.update=true} rewrites them; review the diff.
 */
class WatchCardsGoldenTest {

    static final Path DIR = Path.of("src/test/resources/watch-cards/golden");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final WatchCards CARDS = new WatchCards();
    private static final Instant SINCE = Instant.parse("2024-05-08T09:00:05Z");
    private static final Instant AT = Instant.parse("2024-05-08T09:01:00Z");

    static Alert tlsBurst(AlertKind kind, String sbc) {
        return new Alert("inc-3f2a9c01be4d#" + kind.ordinal(), "inc-3f2a9c01be4d", kind, Set.of(IncidentType.RATE),
                sbc, new CodePair("569008", 504), CodeFamily.TLS_CONNECTION, Originator.MICROSOFT,
                "Unable to deliver INVITE: Outgoing TLS negotiation failed. Remote certificate expired;"
                        + " HRESULT=0x80090328 SEC_E_CERT_EXPIRED",
                SINCE, kind == AlertKind.RESOLVED ? AT.plusSeconds(600) : AT, AT.minusSeconds(300), AT, 150, 127,
                0.847, 0.004, 0, 127, 41, false, "5b1a0c4e-3d7f-4b4e-9a3c-1f2e3d4c5b6a",
                "127 of 150 calls on " + sbc + " failed with 569008 / SIP 504 in the last 5 minutes (usually 0.4%).");
    }

    static Alert silence() {
        return new Alert("inc-00aa11bb22cc#0", "inc-00aa11bb22cc", AlertKind.OPENED, Set.of(IncidentType.SILENCE),
                "sbc2.contoso.com", null, null, null, null, SINCE, AT, AT.minusSeconds(3600), AT, 0, 0, 0, 0, 480.4,
                0, 0, false, null, "sbc2.contoso.com carried no calls in the last hour; about 480 were expected.");
    }

    static Digest day() {
        return new Digest(LocalDate.parse("2024-05-07"), ZoneId.of("Europe/Berlin"),
                Instant.parse("2024-05-06T22:00:00Z"), Instant.parse("2024-05-07T22:00:00Z"), 72_000, 5_184,
                List.of(new Digest.PairCount(new CodePair("569008", 504), 3_100, 0.598, Originator.MICROSOFT,
                                CodeFamily.TLS_CONNECTION),
                        new Digest.PairCount(new CodePair("560486", 486), 1_500, 0.289, Originator.SBC,
                                CodeFamily.SBC_GENERATED),
                        new Digest.PairCount(new CodePair(null, 487), 584, 0.113, null, CodeFamily.UNKNOWN)),
                1_500, 3_100, 584,
                List.of(new Digest.SbcDay("sbc-eu.contoso.com", 43_200, 3_900, 43_000.4, 600.2),
                        new Digest.SbcDay("sbc1.contoso.com", 17_280, 700, 17_100, 690),
                        new Digest.SbcDay("sbc2.contoso.com", 11_520, 584, 11_600, 570)),
                List.of(new Digest.PairChange(new CodePair("569008", 504), 3_100, 12.5, 3_087.5)),
                true, null);
    }

    static Map<String, Card> cases() {
        return Map.of(
                "alert-opened", CARDS.alert(tlsBurst(AlertKind.OPENED, "sbc-eu.contoso.com")),
                "alert-updated", CARDS.alert(tlsBurst(AlertKind.UPDATED, "sbc-eu.contoso.com")),
                "alert-resolved", CARDS.alert(tlsBurst(AlertKind.RESOLVED, "sbc-eu.contoso.com")),
                "alert-silence", CARDS.alert(silence()),
                "digest", CARDS.digest(day()),
                "note", CARDS.note("Watch status", List.of("last poll at 2024-05-08T09:01:00Z read 750 calls"),
                        List.of(new WatchCards.Fact("Watch", "ok"))));
    }

    static List<String> names() {
        return cases().keySet().stream().sorted().toList();
    }

    @ParameterizedTest
    @MethodSource("names")
    void expandsToItsGoldenFile(String name) throws IOException {
        JsonNode card = cases().get(name).content();
        Path file = DIR.resolve(name + ".json");
        if (Boolean.getBoolean("golden.update") || !Files.exists(file)) {
            Files.createDirectories(DIR);
            Files.writeString(file, JSON.writeValueAsString(card) + "\n", StandardCharsets.UTF_8);
        }
        assertThat(card).isEqualTo(JSON.readTree(file.toFile()));
        assertThat(card.path("version").asText()).isEqualTo("1.5");
        assertThat(JSON.writer().writeValueAsBytes(card).length).as("Teams' 28 KB").isLessThanOrEqualTo(28 * 1024);
        assertThat(card.toString()).doesNotContain("${");
    }

    @Test
    void theAlertSaysWhatChangedSinceWhenWhereHowManyAndLinksToThePair() {
        String card = cases().get("alert-opened").content().toString();
        assertThat(card).contains("Calls are failing", "failures well above this SBC's usual rate",
                "2024-05-08 09:00 UTC", "sbc-eu.contoso.com", "569008 / SIP 504", "84.7% (usually 0.4%)",
                "127", "41", "5b1a0c4e-3d7f-4b4e-9a3c-1f2e3d4c5b6a", "Explain 569008 / SIP 504", "Mute for a day");
        String resolved = cases().get("alert-resolved").content().toString();
        assertThat(resolved).contains("Resolved: back to normal", "\"style\":\"good\"", "2024-05-08 09:11 UTC")
                .doesNotContain("Mute for a day");
    }

    @Test
    void textFromCallsStaysText() {
        String sbc = "${fallbackText} **sbc** [x](https://evil.example)";
        JsonNode card = CARDS.alert(tlsBurst(AlertKind.OPENED, sbc)).content();
        List<String> runs = new ArrayList<>();
        card.findValues("text").forEach(v -> runs.add(v.asText()));
        assertThat(runs).anyMatch(t -> t.equals("569008 / SIP 504 on " + sbc));
        assertThat(card.path("fallbackText").asText()).contains(sbc);
    }

    @Test
    void aDigestOfManyPairsAndSbcsStaysWithinTheSizeLimit() throws IOException {
        List<Digest.PairCount> pairs = IntStream.range(0, 300).mapToObj(i -> new Digest.PairCount(
                new CodePair("560" + (400 + i % 200), 400 + i % 200), 300 - i, 0.001, Originator.SBC,
                CodeFamily.SBC_GENERATED)).toList();
        List<Digest.SbcDay> sbcs = IntStream.range(0, 200).mapToObj(i -> new Digest.SbcDay(
                "sbc" + i + ".a-rather-long-domain-name.contoso.com", 1000, 10, 990, 11)).toList();
        Digest d = day();
        Card card = CARDS.digest(new Digest(d.day(), d.zone(), d.from(), d.to(), d.calls(), d.failed(), pairs,
                d.sbcFailures(), d.microsoftFailures(), d.unknownFailures(), sbcs, d.changes(), false,
                "the watch's history starts at 2024-05-07T10:00:00Z"));
        assertThat(JSON.writer().writeValueAsBytes(card.content()).length).isLessThanOrEqualTo(28 * 1024);
        assertThat(card.content().toString()).contains("the watch's history starts");
    }
}
