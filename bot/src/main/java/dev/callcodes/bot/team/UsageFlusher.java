package dev.callcodes.bot.team;

import dev.callcodes.store.StoreException;
import dev.callcodes.team.usage.UsageCounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Writes the usage counts this instance kept in memory every few seconds and at shutdown: a count costs no store
 * request, and a crash loses at most the last few seconds of counts. A failed flush keeps them for the next.
 */
final class UsageFlusher implements AutoCloseable {

    static final long EVERY_SECONDS = 10;
    private static final Logger LOG = LoggerFactory.getLogger(UsageFlusher.class);

    private final UsageCounts usage;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "usage-flush");
        thread.setDaemon(true);
        return thread;
    });

    UsageFlusher(UsageCounts usage) {
        this.usage = usage;
        timer.scheduleWithFixedDelay(this::flush, EVERY_SECONDS, EVERY_SECONDS, TimeUnit.SECONDS);
    }

    private void flush() {
        try {
            usage.flush();
        } catch (StoreException | IllegalArgumentException e) {
            LOG.warn("Could not write the usage counts; they are kept for the next try ({})",
                    e.getClass().getSimpleName());
        }
    }

    @Override
    public void close() {
        timer.shutdown();
        flush();
    }
}
