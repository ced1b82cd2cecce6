package dev.callcodes.bot.teams;

import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import com.microsoft.bot.schema.DeliveryModes;
import dev.callcodes.bot.chat.Failures;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.same;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

class AcceptedTurnsTest {

    private final Failures failures = mock(Failures.class);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final AcceptedTurns turns = new AcceptedTurns(2, failures, registry);

    @Test
    void aMessageWaitingForTheConnectorIsAnsweredAtOnceAndCountedUntilItsTurnEnds() {
        CompletableFuture<InvokeResponse> turn = new CompletableFuture<>();

        CompletableFuture<InvokeResponse> answer = turns.answer(message(), turn);

        assertThat(answer).isCompletedWithValue(null);
        assertThat(turns.waiting()).isEqualTo(1);
        assertThat(registry.get("callcodes.turns.accepted").gauge().value()).isEqualTo(1);
        turn.complete(null);
        assertThat(turns.waiting()).isZero();
        verifyNoInteractions(failures);
    }

    @Test
    void invokesAndExpectRepliesWaitForTheirTurnBecauseTheirAnswerIsTheResponse() {
        Activity invoke = message();
        invoke.setType(ActivityTypes.INVOKE);
        Activity expectReplies = message();
        expectReplies.setDeliveryMode(DeliveryModes.EXPECT_REPLIES.toString());
        CompletableFuture<InvokeResponse> turn = new CompletableFuture<>();

        assertThat(turns.answer(invoke, turn)).isSameAs(turn);
        assertThat(turns.answer(expectReplies, turn)).isSameAs(turn);
        assertThat(turns.waiting()).isZero();
    }

    @Test
    void aTurnThatHasAlreadyEndedIsItsOwnAnswerSoItsFailureStillReachesTheSender() {
        CompletableFuture<InvokeResponse> failed = CompletableFuture.failedFuture(new IllegalStateException("x"));

        assertThat(turns.answer(message(), failed)).isSameAs(failed);
        assertThat(turns.waiting()).isZero();
        verifyNoInteractions(failures);
    }

    @Test
    void pastItsCapacityATurnHoldsItsRequestInsteadOfPilingUp() {
        turns.answer(message(), new CompletableFuture<>());
        turns.answer(message(), new CompletableFuture<>());
        CompletableFuture<InvokeResponse> third = new CompletableFuture<>();

        assertThat(turns.answer(message(), third)).isSameAs(third);
        assertThat(turns.waiting()).isEqualTo(2);
        assertThat(registry.get("callcodes.turns.held").counter().count()).isEqualTo(1);
    }

    @Test
    void aFailureAfterThe202IsLoggedWithAReference() {
        CompletableFuture<InvokeResponse> turn = new CompletableFuture<>();
        turns.answer(message(), turn);
        IllegalStateException failure = new IllegalStateException("the apology could not be sent either");

        turn.completeExceptionally(new CompletionException(failure));

        verify(failures).record(eq("messages"), same(failure));
        assertThat(turns.waiting()).isZero();
    }

    @Test
    void stoppingWaitsForTheAnsweredTurnsAndSaysWhenItGaveUp() throws InterruptedException {
        CompletableFuture<InvokeResponse> turn = new CompletableFuture<>();
        turns.answer(message(), turn);

        assertThat(turns.awaitIdle(Duration.ofMillis(50))).isFalse();
        CompletableFuture.delayedExecutor(50, java.util.concurrent.TimeUnit.MILLISECONDS)
                .execute(() -> turn.complete(null));
        assertThat(turns.awaitIdle(Duration.ofSeconds(10))).isTrue();
    }

    @Test
    void aCapacityBelowOneIsRefusedByName() {
        assertThatThrownBy(() -> new AcceptedTurns(0, failures, new SimpleMeterRegistry()))
                .hasMessage("capacity must be at least 1, was 0");
    }

    private static Activity message() {
        Activity activity = new Activity(ActivityTypes.MESSAGE);
        activity.setText("what is 510559 403");
        return activity;
    }
}
