package dev.callcodes.watch.digest;

import dev.callcodes.catalog.Originator;
import dev.callcodes.watch.calls.CodeFamily;
import dev.callcodes.watch.calls.CodePair;
import dev.callcodes.watch.state.CallBook;
import dev.callcodes.watch.state.Checkpoint;
import dev.callcodes.watch.stub.TestCalls;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class DigestTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final LocalDate DAY = LocalDate.of(2024, 5, 7);
    private int ids;

    private void calls(CallBook book, LocalDate day, int hour, String sbc, int ok, String ms, int sip, int failed) {
        Instant start = day.atTime(hour, 0).atZone(BERLIN).toInstant();
        for (int i = 0; i < ok; i++) {
            book.add(TestCalls.ok("c" + ids++, start.plusSeconds(i), sbc));
        }
        for (int i = 0; i < failed; i++) {
            book.add(TestCalls.call("c" + ids++, start.plusSeconds(i), sbc, ms, sip, "u@contoso.com"));
        }
    }

    @Test
    void yesterdayByPairSideAndSbcWithTheBiggestChanges() {
        CallBook book = new CallBook(Checkpoint.EMPTY);
        for (int back = 1; back <= 7; back++) {
            LocalDate before = DAY.minusDays(back);
            calls(book, before, 10, "sbc1.contoso.com", 90, "510559", 403, 10);
            calls(book, before, 11, "sbc2.contoso.com", 50, "560486", 486, 2);
        }
        calls(book, DAY, 10, "sbc1.contoso.com", 90, "510559", 403, 12);
        calls(book, DAY, 11, "sbc2.contoso.com", 50, "569008", 504, 30);
        calls(book, DAY, 0, "sbc2.contoso.com", 0, "560486", 486, 1);   // 00:xx Berlin is still the day
        calls(book, DAY.plusDays(1), 0, "sbc1.contoso.com", 5, "510559", 403, 5);  // the next day: not counted
        book.coveredFrom(DAY.minusDays(8).atStartOfDay(BERLIN).toInstant());
        Checkpoint checkpoint = book.toCheckpoint(DAY.plusDays(1).atTime(8, 0).atZone(BERLIN).toInstant(), null);

        Digest digest = DigestBuilder.build(checkpoint, DAY, BERLIN);
        assertThat(digest.complete()).isTrue();
        assertThat(digest.note()).isNull();
        assertThat(digest.from()).isEqualTo(Instant.parse("2024-05-06T22:00:00Z"));
        assertThat(digest.calls()).isEqualTo(90 + 12 + 50 + 30 + 1);
        assertThat(digest.failed()).isEqualTo(43);
        assertThat(digest.failuresByPair()).extracting(p -> p.pair().key(), Digest.PairCount::failures)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("569008/504", 30L),
                        org.assertj.core.groups.Tuple.tuple("510559/403", 12L),
                        org.assertj.core.groups.Tuple.tuple("560486/486", 1L));
        Digest.PairCount top = digest.failuresByPair().get(0);
        assertThat(top.family()).isEqualTo(CodeFamily.TLS_CONNECTION);
        assertThat(top.originator()).isEqualTo(Originator.MICROSOFT);
        assertThat(top.share()).isCloseTo(30 / 43.0, within(1e-9));
        assertThat(digest.microsoftFailures()).isEqualTo(42);
        assertThat(digest.sbcFailures()).isEqualTo(1);
        assertThat(digest.bySbc()).extracting(Digest.SbcDay::sbc).containsExactly("sbc2.contoso.com", "sbc1.contoso.com");
        Digest.SbcDay sbc2 = digest.bySbc().get(0);
        assertThat(sbc2.calls()).isEqualTo(81);
        assertThat(sbc2.weekBeforeCalls()).isCloseTo(52, within(1e-9));
        assertThat(digest.changes()).extracting(c -> c.pair().key())
                .containsExactly("569008/504", "510559/403", "560486/486");
        assertThat(digest.changes().get(0).change()).isCloseTo(30, within(1e-9));
        assertThat(digest.changes().get(2).change()).isCloseTo(-1, within(1e-9));
        assertThat(digest.changes().get(1).weekBeforePerDay()).isCloseTo(10, within(1e-9));
    }

    @Test
    void aDigestWithoutTheWeekBeforeSaysSo() {
        CallBook book = new CallBook(Checkpoint.EMPTY);
        calls(book, DAY, 10, "sbc1.contoso.com", 10, "510559", 403, 1);
        book.coveredFrom(DAY.atStartOfDay(BERLIN).toInstant());
        Digest digest = DigestBuilder.build(book.toCheckpoint(DAY.plusDays(1).atTime(8, 0).atZone(BERLIN).toInstant(), null),
                DAY, BERLIN);
        assertThat(digest.complete()).isFalse();
        assertThat(digest.note()).startsWith("the watch's history starts at 2024-05-06T22:00:00Z");
        assertThat(DigestBuilder.build(Checkpoint.EMPTY, DAY, BERLIN).note()).isEqualTo("the watch has not polled yet");
    }

    @Test
    void scheduleReadsTheChatCommandsArguments() {
        DigestSchedule schedule = DigestSchedule.parse("08:00 Europe/Berlin");
        assertThat(schedule.time()).isEqualTo(LocalTime.of(8, 0));
        assertThat(schedule.zone()).isEqualTo(BERLIN);
        assertThat(schedule.nextAfter(Instant.parse("2024-05-08T05:00:00Z"))).isEqualTo(Instant.parse("2024-05-08T06:00:00Z"));
        assertThat(schedule.nextAfter(Instant.parse("2024-05-08T06:00:00Z"))).isEqualTo(Instant.parse("2024-05-09T06:00:00Z"));
        assertThat(schedule.reportedDay(Instant.parse("2024-05-08T06:00:00Z"))).isEqualTo(LocalDate.of(2024, 5, 7));
        // across the switch to summer time the digest stays at 08:00 local
        assertThat(schedule.nextAfter(Instant.parse("2024-03-30T12:00:00Z"))).isEqualTo(Instant.parse("2024-03-31T06:00:00Z"));
        assertThat(DigestSchedule.parse("7:30").zone()).isEqualTo(ZoneOffset.UTC);
        assertThat(DigestSchedule.parse("7:30").time()).isEqualTo(LocalTime.of(7, 30));
    }

    @Test
    void scheduleErrorsNameTheWrongPart() {
        assertThatThrownBy(() -> DigestSchedule.parse("25:00 Europe/Berlin"))
                .hasMessage("'25:00' is not a time of day (use HH:MM, e.g. 08:00)");
        assertThatThrownBy(() -> DigestSchedule.parse("08:00 Europe/Berln"))
                .hasMessageStartingWith("'Europe/Berln' is not a time zone");
        assertThatThrownBy(() -> DigestSchedule.parse(""))
                .hasMessage("give a time and a time zone, e.g. 08:00 Europe/Berlin");
        assertThatThrownBy(() -> DigestSchedule.parse("08:00 Europe Berlin"))
                .hasMessage("give a time and a time zone, e.g. 08:00 Europe/Berlin");
    }

    @Test
    void pairKeysReadBack() {
        assertThat(CodePair.parse(new CodePair("560486", 486).key())).isEqualTo(new CodePair("560486", 486));
        assertThat(Duration.ofDays(1)).isPositive();
    }
}
