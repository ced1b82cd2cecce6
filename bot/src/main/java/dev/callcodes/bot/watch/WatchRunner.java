package dev.callcodes.bot.watch;

import dev.callcodes.watch.Watch;
import dev.callcodes.watch.WatchHealth;
import dev.callcodes.watch.WatchLoop;
import dev.callcodes.watch.WatchSettings;
import dev.callcodes.watch.digest.Digest;
import dev.callcodes.watch.digest.DigestSchedule;
import dev.callcodes.watch.state.Lease;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs the watch while the app runs: its {@link WatchLoop} ticks every {@code CALLCODES_WATCH_INTERVAL}, and once a
 * minute the instance that holds the lease sends the digests that are due. Off (and saying why) when the settings
 * turn the watch off. Stopped before the web server, so the lease is released for another instance at once.
 */
final class WatchRunner implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(WatchRunner.class);
    static final Duration DIGEST_CHECK = Duration.ofMinutes(1);

    private final WatchSettings settings;
    private final Optional<Watch> watch;
    private final Lease lease;
    private final Subscriptions subscriptions;
    private final Deliveries deliveries;
    private final WatchCards cards;
    private final Clock clock;
    private WatchLoop loop;
    private ScheduledExecutorService digests;
    private volatile boolean running;

    WatchRunner(WatchSettings settings, Optional<Watch> watch, Lease lease, Subscriptions subscriptions,
                Deliveries deliveries, WatchCards cards, Clock clock) {
        this.settings = settings;
        this.watch = watch;
        this.lease = lease;
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.cards = cards;
        this.clock = clock;
    }

    WatchSettings settings() {
        return settings;
    }

    Optional<Watch> watch() {
        return watch;
    }

    WatchHealth health() {
        return watch.map(Watch::health).orElseGet(() -> WatchHealth.off(settings.offReason()));
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        if (watch.isEmpty()) {
            LOG.info("watch: {}", settings.offReason());
            return;
        }
        LOG.info("watch: {} source, a poll every {}, instance {}", settings.source().name().toLowerCase(),
                settings.interval(), watch.get().instanceId());
        loop = new WatchLoop(watch.get());
        loop.start();
        digests = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "callcodes-watch-digest");
            thread.setDaemon(true);
            return thread;
        });
        digests.scheduleWithFixedDelay(this::sendDueDigestsSafely, DIGEST_CHECK.toMillis(), DIGEST_CHECK.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void sendDueDigestsSafely() {
        try {
            sendDueDigests();
        } catch (RuntimeException e) {
            LOG.warn("watch: digests could not be sent this minute: {}", e.toString());
        }
    }

    /** Sends each subscriber's digest once its time has come today; only the polling instance does. */
    int sendDueDigests() {
        if (watch.isEmpty() || lease.holder().filter(h -> h.name().equals(watch.get().instanceId())).isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        int sent = 0;
        for (Subscription subscription : deliveries.recipients()) {
            if (subscription.digest() == null) {
                continue;
            }
            DigestSchedule schedule = DigestSchedule.parse(subscription.digest());
            LocalDate day = dueDay(schedule, now);
            if (day == null || subscription.lastDigestDay() != null && !subscription.lastDigestDay().isBefore(day)) {
                continue;
            }
            if (subscriptions.claimDigest(subscription.conversationId(), day)) {
                Digest digest = watch.get().digest(day, schedule.zone());
                if (deliveries.send(subscription, cards.digest(digest), "digest")) {
                    sent++;
                }
            }
        }
        return sent;
    }

    /** The day a digest reports if its time has passed today in its zone, else null. */
    static LocalDate dueDay(DigestSchedule schedule, Instant now) {
        return now.atZone(schedule.zone()).toLocalTime().isBefore(schedule.time()) ? null : schedule.reportedDay(now);
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (digests != null) {
            digests.shutdownNow();
        }
        if (loop != null) {
            loop.close();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stopped before the web server (which stops at SmartLifecycle.DEFAULT_PHASE - 1024). */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }

    List<Subscription> subscribers() {
        return deliveries.recipients();
    }
}
