package dev.callcodes.watch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Ticks a watch every interval on one daemon thread; nothing a tick throws stops the loop. */
public final class WatchLoop implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WatchLoop.class);
    private final Watch watch;
    private final ScheduledExecutorService scheduler;

    public WatchLoop(Watch watch) {
        this.watch = watch;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "callcodes-watch");
            thread.setDaemon(true);
            return thread;
        });
    }

    public void start() {
        long millis = watch.interval().toMillis();
        scheduler.scheduleWithFixedDelay(this::tickSafely, 0, millis, TimeUnit.MILLISECONDS);
    }

    private void tickSafely() {
        try {
            watch.tick();
        } catch (RuntimeException e) {
            LOG.error("watch: tick failed", e);
        }
    }

    /** Stops ticking and releases the lease. */
    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        watch.release();
    }
}
