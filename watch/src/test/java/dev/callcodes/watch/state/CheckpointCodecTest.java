package dev.callcodes.watch.state;

import dev.callcodes.watch.stub.TestCalls;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CheckpointCodecTest {

    private static final Instant NOW = Instant.parse("2024-05-08T11:00:00Z");

    @Test
    void aCheckpointSurvivesTheStoreAsJson() {
        CallBook book = new CallBook(Checkpoint.EMPTY);
        book.add(TestCalls.call("a", NOW.minusSeconds(60), "sbc1.contoso.com", "560503", 503, "u@contoso.com"));
        book.add(TestCalls.ok("b", NOW.minusSeconds(30), "sbc1.contoso.com"));
        book.coveredFrom(NOW.minus(Duration.ofDays(1)));
        Checkpoint checkpoint = book.toCheckpoint(NOW, new PollReport(NOW, "a", NOW.minusSeconds(3600), NOW, 1, 2, 2, 0, 0,
                0, null, null));
        byte[] json = CodecRoundTrip.write(checkpoint);
        Checkpoint back = CheckpointCodec.read(json);
        assertThat(back).isEqualTo(checkpoint);
        assertThat(new String(json, StandardCharsets.UTF_8)).contains("[\"a\",").contains("\"560503/503\":1");
    }

    @Test
    void unknownFieldsFromANewerVersionAreIgnoredAndGarbageIsNamed() {
        Checkpoint back = CheckpointCodec.read("{\"watermark\":\"2024-05-08T11:00:00Z\",\"addedLater\":1}"
                .getBytes(StandardCharsets.UTF_8));
        assertThat(back.watermark()).isEqualTo(NOW);
        assertThat(back.recent()).isEmpty();
        assertThatThrownBy(() -> CheckpointCodec.read("{not json".getBytes(StandardCharsets.UTF_8)))
                .hasMessageStartingWith("the stored watch checkpoint cannot be read");
    }

    @Test
    void commitsAreConditionalOnTheVersionRead() {
        InMemoryWatchState state = new InMemoryWatchState();
        WatchState.Versioned first = state.load();
        assertThat(first.version()).isNull();
        String v1 = state.commit(Checkpoint.EMPTY, null).orElseThrow();
        assertThat(state.commit(Checkpoint.EMPTY, null)).as("someone else wrote first").isEmpty();
        assertThat(state.commit(Checkpoint.EMPTY, v1)).isPresent();
        assertThat(state.commit(Checkpoint.EMPTY, v1)).as("stale").isEmpty();
    }

    @Test
    void aLeaseHasOneHolderUntilItExpiresOrIsReleased() {
        MutableClock clock = new MutableClock();
        InMemoryLease lease = new InMemoryLease(clock);
        assertThat(lease.acquire("a", Duration.ofMinutes(1))).isTrue();
        assertThat(lease.acquire("b", Duration.ofMinutes(1))).isFalse();
        assertThat(lease.renew("b", Duration.ofMinutes(1))).isFalse();
        assertThat(lease.holder()).hasValueSatisfying(h -> assertThat(h.name()).isEqualTo("a"));
        clock.now = clock.now.plusSeconds(61);
        assertThat(lease.renew("a", Duration.ofMinutes(1))).as("expired").isFalse();
        assertThat(lease.acquire("b", Duration.ofMinutes(1))).isTrue();
        lease.release("a");
        assertThat(lease.holder()).hasValueSatisfying(h -> assertThat(h.name()).isEqualTo("b"));
        lease.release("b");
        assertThat(lease.holder()).isEmpty();
    }

    private static final class MutableClock extends Clock {
        Instant now = NOW;

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    private static final class CodecRoundTrip {
        static byte[] write(Checkpoint checkpoint) {
            return CheckpointCodec.write(checkpoint);
        }
    }
}
