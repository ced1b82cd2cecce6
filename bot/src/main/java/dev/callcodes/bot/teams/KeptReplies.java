package dev.callcodes.bot.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.restclient.RestException;
import com.microsoft.bot.restclient.serializer.JacksonAdapter;
import com.microsoft.bot.schema.Activity;
import dev.callcodes.bot.chat.Failures;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * The second line of a reply's delivery: a reply that still failed after {@link ReplyRetryStrategy}'s retries with a
 * failure that cannot have delivered it (connection refused, 429, 5xx) is kept in {@link PendingReplies} and sent
 * again with growing, jittered waits (1 s doubling to 30 s, at least the server's Retry-After) for
 * {@link #KEEP_FOR}; then it is dropped, counted ({@code callcodes.replies}, outcome=dropped) and logged with the
 * reference it was kept under. Replies to a conversation keep their order: while one waits, later ones wait behind
 * it. A reply that may have been delivered ({@link PossiblyDeliveredException}) is never sent again: counted as
 * outcome=uncertain and logged.
 */
final class KeptReplies implements AutoCloseable {

    static final Duration KEEP_FOR = Duration.ofMinutes(15);
    static final long FIRST_RETRY_MS = 1_000;
    static final long MAX_RETRY_MS = 30_000;
    static final long TICK_MS = 250;

    private static final Logger LOG = LoggerFactory.getLogger(KeptReplies.class);
    private static final JacksonAdapter JSON = new JacksonAdapter();

    /** What became of a send that failed. */
    enum Fate { KEPT, MAYBE_DELIVERED, NOT_KEPT }

    private final PendingReplies store;
    private final Function<Activity, CompletableFuture<?>> sender;
    private final MeterRegistry registry;
    private final Clock clock;
    private final boolean background;
    private final AtomicBoolean started = new AtomicBoolean();
    private ScheduledExecutorService scheduler;

    /**
     * @param sender     sends an activity to its conversation through the connector
     * @param background resend from a scheduler thread of its own (started with the first kept reply); tests that
     *                   drive {@link #resendDue()} themselves pass false
     */
    KeptReplies(PendingReplies store, Function<Activity, CompletableFuture<?>> sender, MeterRegistry registry,
                Clock clock, boolean background) {
        this.store = store;
        this.sender = sender;
        this.registry = registry;
        this.clock = clock;
        this.background = background;
        Gauge.builder("callcodes.replies.pending", store, PendingReplies::size)
                .description("Replies kept for another attempt after the connector failed")
                .register(registry);
    }

    /** True when a reply to this conversation already waits: a new one goes behind it, to keep their order. */
    boolean waitsFor(String conversationId) {
        return store.holdsConversation(conversationId);
    }

    /** Decides what becomes of a reply whose send failed, keeping it when another attempt is safe and may help. */
    Fate afterFailure(Activity activity, Throwable failure) {
        return switch (Failure.of(failure)) {
            case MAYBE_DELIVERED -> {
                count("uncertain");
                LOG.warn("A reply to a {} conversation may or may not have arrived ({}); not sent again, so it is"
                        + " never posted twice", conversationType(activity), Failure.describe(failure));
                yield Fate.MAYBE_DELIVERED;
            }
            case FINAL -> Fate.NOT_KEPT;
            case TRANSIENT -> keep(activity, Failure.describe(failure), Failure.retryAfterMillis(failure, clock))
                    ? Fate.KEPT : Fate.NOT_KEPT;
        };
    }

    /** Keeps a reply behind an earlier kept one of its conversation, without trying it now. */
    Fate behind(Activity activity) {
        return keep(activity, "an earlier reply to the conversation is waiting", 0) ? Fate.KEPT : Fate.NOT_KEPT;
    }

    private boolean keep(Activity activity, String failure, long retryAfterMillis) {
        String reference = Failures.newReference();
        Instant now = clock.instant();
        PendingReply reply = new PendingReply(reference, activity.getConversation().getId(), json(activity), now, 0,
                now.plusMillis(Math.max(retryAfterMillis, ReplyRetryStrategy.delayMillis(0, FIRST_RETRY_MS,
                        MAX_RETRY_MS))), failure);
        if (!store.add(reply)) {
            count("dropped");
            LOG.error("Dropped a reply to a {} conversation (reference {}): the connector failed ({}) and {} replies"
                    + " already wait", conversationType(activity), reference, failure, store.size());
            return false;
        }
        count("kept");
        LOG.warn("Kept a reply to a {} conversation for up to {} minutes (reference {}): {}",
                conversationType(activity), KEEP_FOR.toMinutes(), reference, failure);
        if (background && started.compareAndSet(false, true)) {
            scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "callcodes-kept-replies");
                thread.setDaemon(true);
                return thread;
            });
            scheduler.scheduleWithFixedDelay(this::resendDueSafely, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
        }
        return true;
    }

    private void resendDueSafely() {
        try {
            resendDue();
        } catch (RuntimeException e) {
            LOG.error("Could not resend kept replies this round", e);
        }
    }

    /** One round: sends every reply whose turn it is; drops those kept too long. */
    void resendDue() {
        Instant now = clock.instant();
        for (PendingReply reply : store.due(now)) {
            if (expired(reply, now)) {
                drop(reply, "kept for " + KEEP_FOR.toMinutes() + " minutes");
            } else if (store.claim(reply.reference())) {
                resend(reply);
            }
        }
    }

    private void resend(PendingReply reply) {
        CompletableFuture<?> sent;
        try {
            sent = sender.apply(activity(reply));
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        sent.whenComplete((ok, failure) -> {
            if (failure == null) {
                store.remove(reply.reference());
                count("delivered_late");
                LOG.info("Delivered kept reply {} after {} more attempt(s)", reply.reference(), reply.attempts() + 1);
                return;
            }
            Instant now = clock.instant();
            switch (Failure.of(failure)) {
                case MAYBE_DELIVERED -> {
                    store.remove(reply.reference());
                    count("uncertain");
                    LOG.warn("Kept reply {} may or may not have arrived ({}); not sent again", reply.reference(),
                            Failure.describe(failure));
                }
                case FINAL -> {
                    drop(reply, "it cannot be sent: " + Failure.describe(failure));
                    if (!Failure.answeredByConnector(failure)) {
                        LOG.error("Kept reply {} failed on the bot's side", reply.reference(), failure);
                    }
                }
                case TRANSIENT -> {
                    PendingReply again = reply.failedAgain(now.plusMillis(Math.max(
                            Failure.retryAfterMillis(failure, clock),
                            ReplyRetryStrategy.delayMillis(reply.attempts() + 1, FIRST_RETRY_MS, MAX_RETRY_MS))),
                            Failure.describe(failure));
                    if (expired(again, again.nextAttempt())) {
                        drop(again, "kept for " + KEEP_FOR.toMinutes() + " minutes");
                    } else {
                        store.retryLater(again);
                    }
                }
            }
        });
    }

    private static boolean expired(PendingReply reply, Instant at) {
        return at.isAfter(reply.keptAt().plus(KEEP_FOR));
    }

    private void drop(PendingReply reply, String why) {
        store.remove(reply.reference());
        count("dropped");
        LOG.error("Dropped kept reply {} after {} attempt(s) from the store: {}; last failure: {}", reply.reference(),
                reply.attempts(), why, reply.lastFailure());
    }

    private void count(String outcome) {
        Counter.builder("callcodes.replies").description("Replies that needed more than the in-request retries")
                .tag("outcome", outcome).register(registry).increment();
    }

    private static String json(Activity activity) {
        try {
            return JSON.serialize(activity);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The activity back from its JSON, its free-form parts (cards, value, channel data) as JSON trees, as the bot
     * built them: as maps, the SDK's request validator walks into java.util's fields and fails on Java 17.
     */
    static Activity activity(PendingReply reply) {
        try {
            Activity activity = JSON.deserialize(reply.activityJson(), Activity.class);
            if (activity.getAttachments() != null) {
                activity.getAttachments().forEach(a -> a.setContent(tree(a.getContent())));
            }
            activity.setValue(tree(activity.getValue()));
            activity.setChannelData(tree(activity.getChannelData()));
            return activity;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object tree(Object value) {
        return value == null || value instanceof JsonNode || !(value instanceof Map<?, ?> || value instanceof List<?>)
                ? value : JSON.serializer().valueToTree(value);
    }

    private static String conversationType(Activity activity) {
        String type = activity.getConversation() == null ? null : activity.getConversation().getConversationType();
        return type == null ? "personal" : type;
    }

    @Override
    public void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    /** How a failed send is treated. */
    enum Failure {
        /** Nothing was delivered and another attempt may work: connection failures, 412, 429, 5xx. */
        TRANSIENT,
        /** The connector may have posted it. */
        MAYBE_DELIVERED,
        /** The connector refused it for good (400, 401, 403, 404...), or the bot failed before sending. */
        FINAL;

        static Failure of(Throwable failure) {
            for (Throwable t = failure; t != null; t = t.getCause()) {
                if (t instanceof PossiblyDeliveredException) {
                    return MAYBE_DELIVERED;
                }
                if (t instanceof RestException rest && rest.response() != null) {
                    return ReplyRetryStrategy.RETRYABLE.contains(rest.response().code()) ? TRANSIENT : FINAL;
                }
                if (t instanceof IOException) {
                    return TRANSIENT;
                }
            }
            return FINAL;
        }

        static long retryAfterMillis(Throwable failure, Clock clock) {
            for (Throwable t = failure; t != null; t = t.getCause()) {
                if (t instanceof RestException rest && rest.response() != null) {
                    return ReplyRetryStrategy.retryAfterMillis(rest.response().headers().get("Retry-After"), clock);
                }
            }
            return 0;
        }

        static boolean answeredByConnector(Throwable failure) {
            for (Throwable t = failure; t != null; t = t.getCause()) {
                if (t instanceof RestException rest && rest.response() != null) {
                    return true;
                }
            }
            return false;
        }

        /** The failure's kind and status or message, never the reply's content. */
        static String describe(Throwable failure) {
            for (Throwable t = failure; t != null; t = t.getCause()) {
                if (t instanceof RestException rest && rest.response() != null) {
                    return "HTTP " + rest.response().code();
                }
                if (t instanceof IOException) {
                    return t.getClass().getSimpleName() + ": " + t.getMessage();
                }
            }
            return failure.getClass().getSimpleName();
        }
    }
}
