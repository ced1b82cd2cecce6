package dev.callcodes.bot.teams;

import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import com.microsoft.bot.schema.DeliveryModes;
import dev.callcodes.bot.chat.Failures;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * When the HTTP answer to an activity goes out. A message's reply is its own call to the connector, not the HTTP
 * answer, so the bot answers 202 as soon as the turn has done its work and is only waiting for the connector to take
 * the reply. Held until then, each of the channel's connections would carry one reply per connector round trip (with
 * 16 connections and a connector taking 100 ms, at most 160 replies a second). Microsoft's BotBuilder-Samples
 * "immediate accept" bot answers before the turn for the same reason.
 *
 * <p>An invoke's answer (a message-extension result, a card refresh) and an {@code expectReplies} activity's replies
 * are the HTTP answer itself, so those requests still wait for their turn. So does a turn that has already ended, so
 * its failure is still the HTTP answer; and so does every turn while {@link #capacity} answered turns are still
 * waiting, so that a connector that stops answering slows the channel down instead of filling the heap. A failure
 * after the 202 has already reached the user as an apology ({@link TurnErrorHandler}); what escapes it is logged
 * with a reference.
 */
final class AcceptedTurns {

    /**
     * Turns waiting beyond what the connector client sends at once ({@code CALLCODES_CONNECTOR_MAX_REQUESTS_PER_HOST})
     * only queue behind it, each holding its activity and its reply: four rounds of it keep the connector busy and
     * bound that memory.
     */
    static int capacityFor(int maxRequestsPerHost) {
        return 4 * maxRequestsPerHost;
    }

    private final int capacity;
    private final Failures failures;
    private final AtomicInteger waiting = new AtomicInteger();
    private final Counter held;

    AcceptedTurns(int capacity, Failures failures, MeterRegistry registry) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
        this.failures = failures;
        Gauge.builder("callcodes.turns.accepted", waiting, AtomicInteger::get)
                .description("Turns answered 202 that are still sending their replies").register(registry);
        this.held = Counter.builder("callcodes.turns.held")
                .description("Message turns that kept their request until they ended, because too many were waiting")
                .register(registry);
    }

    /** The HTTP answer for this activity whose turn is under way: at once (none, so a 202), or the turn's own. */
    CompletableFuture<InvokeResponse> answer(Activity activity, CompletableFuture<InvokeResponse> turn) {
        if (turn.isDone() || answersInResponse(activity)) {
            return turn;
        }
        if (waiting.incrementAndGet() > capacity) {
            waiting.decrementAndGet();
            held.increment();
            return turn;
        }
        turn.whenComplete((response, failure) -> {
            waiting.decrementAndGet();
            if (failure != null) {
                failures.record("messages", failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure);
            }
        });
        return CompletableFuture.completedFuture(null);
    }

    int waiting() {
        return waiting.get();
    }

    /** Lets the turns already answered send their replies before the app stops; false if some were still waiting. */
    boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (waiting.get() > 0) {
            if (System.nanoTime() >= deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    private static boolean answersInResponse(Activity activity) {
        return ActivityTypes.INVOKE.equals(activity.getType())
                || DeliveryModes.EXPECT_REPLIES.toString().equals(activity.getDeliveryMode());
    }
}
