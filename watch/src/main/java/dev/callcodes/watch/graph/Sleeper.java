package dev.callcodes.watch.graph;

import java.time.Duration;

/** Waits between retries; tests record the waits instead of spending them. */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;

    Sleeper REAL = duration -> Thread.sleep(duration.toMillis());
}
