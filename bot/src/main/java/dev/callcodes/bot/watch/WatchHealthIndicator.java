package dev.callcodes.bot.watch;

import dev.callcodes.watch.WatchHealth;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;

import java.util.function.Supplier;

/**
 * {@code /actuator/health/readiness} includes the watch: a watch that is configured but cannot do its job (Graph
 * unreachable, credentials refused, permission missing) reports {@link #DEGRADED} with the reason an admin can act
 * on. DEGRADED still answers 200: the chat, the extension and the API work without the watch, and a 503 would make
 * App Service's health check replace every instance over a Graph outage or an expired secret. A watch that is off,
 * starting, polling or standing by for another instance is no fault.
 */
final class WatchHealthIndicator implements HealthIndicator {

    /** Ordered between DOWN and UP, answered with 200 (application.properties). */
    static final Status DEGRADED = new Status("DEGRADED", "the failure watch cannot do its job");

    private final Supplier<WatchHealth> health;

    WatchHealthIndicator(Supplier<WatchHealth> health) {
        this.health = health;
    }

    @Override
    public Health health() {
        WatchHealth current = health.get();
        Health.Builder builder = current.healthy() ? Health.up() : Health.status(DEGRADED);
        builder.withDetail("status", current.status().name()).withDetail("reason", current.reason());
        if (current.lastSuccess() != null) {
            builder.withDetail("lastSuccess", current.lastSuccess().toString());
        }
        if (current.consecutiveFailures() > 0) {
            builder.withDetail("consecutiveFailures", current.consecutiveFailures());
        }
        return builder.build();
    }
}
