package dev.callcodes.team.conversations;

import dev.callcodes.store.ConflictException;
import dev.callcodes.store.DocumentStore;
import dev.callcodes.store.Expiry;
import dev.callcodes.store.NotFoundException;
import dev.callcodes.store.Version;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Answers an activity once, across instances, when Teams delivers it twice (a retry after a slow answer, say): the
 * first instance to {@link #claim} it creates a marker ({@code activities/HASH}, create-if-absent); everyone else is
 * refused until it expires.
 *
 * <p>A claim lasts {@code inFlight} (an instance that dies while answering frees the activity for a later
 * redelivery); {@link #answered} extends it to {@code remembered}. {@link #failed} frees it at once, so a redelivery
 * is answered.
 */
public final class ActivityOnce {

    public static final Duration DEFAULT_IN_FLIGHT = Duration.ofMinutes(2);
    public static final Duration DEFAULT_REMEMBERED = Duration.ofHours(24);
    static final String PREFIX = "activities/";

    private final DocumentStore store;
    private final Clock clock;
    private final Duration inFlight;
    private final Duration remembered;

    public ActivityOnce(DocumentStore store, Clock clock, Duration inFlight, Duration remembered) {
        this.store = store;
        this.clock = clock;
        this.inFlight = inFlight;
        this.remembered = remembered;
    }

    public ActivityOnce(DocumentStore store, Clock clock) {
        this(store, clock, DEFAULT_IN_FLIGHT, DEFAULT_REMEMBERED);
    }

    /** This instance's hold on one activity. */
    public record Claim(String key, Version version) {
    }

    /**
     * Claims the activity.
     *
     * @return the claim, or empty when another delivery of it was (or is being) answered. An activity without an id
     * cannot be recognised again and is always claimed.
     */
    public Optional<Claim> claim(String conversationId, String activityId) {
        if (activityId == null || activityId.isBlank()) {
            return Optional.of(new Claim(null, null));
        }
        String key = PREFIX + Hashes.of(conversationId == null ? "" : conversationId, activityId);
        try {
            return Optional.of(new Claim(key, store.create(key, new byte[0], Expiry.after(inFlight, clock))));
        } catch (ConflictException seen) {
            return Optional.empty();
        }
    }

    /** The answer went out: remember the activity for the long period. */
    public void answered(Claim claim) {
        if (claim.key() == null) {
            return;
        }
        try {
            store.replace(claim.key(), new byte[0], claim.version(), Expiry.after(remembered, clock));
        } catch (ConflictException | NotFoundException expiredMeanwhile) {
            // the claim ran out while answering; another delivery may be answered too, which is the lesser harm
        }
    }

    /** Answering failed: forget the claim so a redelivery is answered. */
    public void failed(Claim claim) {
        if (claim.key() == null) {
            return;
        }
        try {
            store.delete(claim.key(), claim.version());
        } catch (ConflictException | NotFoundException notOurs) {
            // already gone or someone else's now
        }
    }

    /** Removes markers that have expired (reads ignore them anyway); returns how many. */
    public int sweep() {
        return store.sweepExpired(PREFIX);
    }
}
