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

    /**
     * Stops ticking and releases the lease. A tick under way may finish first: interrupting it would close the
     * store's file channel in the middle of a write (ClosedByInterruptException); one stuck longer is interrupted.
     */
    @Override
    public void close() {
        scheduler.shutdown();
        try {
            if (!scheduler.awaitTermination(10, TimeUnit.SECONDS)) {
                scheduler.shutdownNow();
                scheduler.awaitTermination(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            scheduler.shutdownNow();
            Thread.currentThread().interrupt();
        }
        watch.release();
    }
}
