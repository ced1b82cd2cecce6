package dev.callcodes.bot.watch;

import dev.callcodes.watch.WatchHealth;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

import java.util.function.Supplier;

/**
 * {@code /actuator/health/readiness} includes the watch: a watch that is configured but cannot do its job (Graph
 * unreachable, credentials refused, permission missing) makes the app not ready, with the reason an admin can act
 * on. A watch that is off, starting, polling or standing by for another instance is no fault.
 */
final class WatchHealthIndicator implements HealthIndicator {

    private final Supplier<WatchHealth> health;

    WatchHealthIndicator(Supplier<WatchHealth> health) {
        this.health = health;
    }

    @Override
    public Health health() {
        WatchHealth current = health.get();
        Health.Builder builder = current.healthy() ? Health.up() : Health.down();
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
