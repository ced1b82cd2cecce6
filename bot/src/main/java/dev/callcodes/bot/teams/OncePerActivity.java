package dev.callcodes.bot.teams;

import com.microsoft.bot.builder.Middleware;
import com.microsoft.bot.builder.NextDelegate;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import dev.callcodes.store.StoreException;
import dev.callcodes.team.conversations.ActivityOnce;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * An activity Teams delivers twice (the same id, a retry after a slow answer, on this instance or another) is
 * answered once: the first delivery claims it in the store, a later one is acknowledged and dropped (and counted).
 *
 * <p>Invokes are left alone: their answer is the HTTP response itself, which a retry needs again, and a turn that
 * sends nothing would answer 501. A store that cannot be reached answers anyway: twice is better than never.
 */
final class OncePerActivity implements Middleware {

    private static final Logger LOG = LoggerFactory.getLogger(OncePerActivity.class);

    private final ActivityOnce once;
    private final Counter duplicates;

    OncePerActivity(ActivityOnce once, MeterRegistry registry) {
        this.once = once;
        this.duplicates = Counter.builder("callcodes.activities.duplicate")
                .description("Activities delivered again and not answered again").register(registry);
    }

    @Override
    public CompletableFuture<Void> onTurn(TurnContext turn, NextDelegate next) {
        Activity in = turn.getActivity();
        if (ActivityTypes.INVOKE.equals(in.getType())) {
            return next.next();
        }
        String conversation = in.getConversation() == null ? null : in.getConversation().getId();
        Optional<ActivityOnce.Claim> claim;
        try {
            claim = once.claim(conversation, in.getId());
        } catch (StoreException e) {
            LOG.warn("Could not check whether a {} activity was answered before ({}); answering it", in.getType(),
                    e.getClass().getSimpleName());
            return next.next();
        }
        if (claim.isEmpty()) {
            duplicates.increment();
            LOG.info("A {} activity arrived again; it was answered already", in.getType());
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> turnDone;
        try {
            turnDone = next.next();
        } catch (RuntimeException | StackOverflowError e) {
            turnDone = CompletableFuture.failedFuture(e);
        }
        return turnDone.whenComplete((done, failure) -> settle(claim.get(), failure == null));
    }

    private void settle(ActivityOnce.Claim claim, boolean answered) {
        try {
            if (answered) {
                once.answered(claim);
            } else {
                once.failed(claim);
            }
        } catch (StoreException e) {
            // The claim expires on its own: a redelivery is then answered.
            LOG.warn("Could not record the activity as {} ({})", answered ? "answered" : "failed",
                    e.getClass().getSimpleName());
        }
    }
}
