package dev.callcodes.watch;

import dev.callcodes.watch.detect.Alert;

/**
 * Where alerts go (the proactive-message phase: cards to subscribed conversations). An alert that throws stays in
 * the outbox and is offered again on the next tick, so delivery is at least once: {@link Alert#id()} is unique per
 * message for the sink to drop a repeat.
 */
@FunctionalInterface
public interface AlertSink {

    void deliver(Alert alert) throws Exception;
}
