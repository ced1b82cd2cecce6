package dev.callcodes.bot.watch;

import dev.callcodes.bot.teams.ProactiveMessages;
import dev.callcodes.cards.Card;
import dev.callcodes.watch.AlertSink;
import dev.callcodes.watch.detect.Alert;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * The watch's alert sink: each alert, as a card, to every subscribed conversation of the watched tenant, once
 * (an alert offered again after a restart skips the conversations that have it). A conversation that cannot be
 * reached (the app was removed there) is counted and logged, and does not hold up the others or the next alerts;
 * throttling and outages are the adapter's retries' and kept replies' to handle.
 */
final class Deliveries implements AlertSink {

    private static final Logger LOG = LoggerFactory.getLogger(Deliveries.class);

    private final Subscriptions subscriptions;
    private final WatchCards cards;
    private final ProactiveMessages messages;
    private final MicrometerWatchMetrics metrics;
    private final String watchedTenant;

    /** @param watchedTenant the tenant whose calls are read; null when any subscriber may see them (the demo) */
    Deliveries(Subscriptions subscriptions, WatchCards cards, ProactiveMessages messages,
               MicrometerWatchMetrics metrics, String watchedTenant) {
        this.subscriptions = subscriptions;
        this.cards = cards;
        this.messages = messages;
        this.metrics = metrics;
        this.watchedTenant = watchedTenant;
    }

    @Override
    public void deliver(Alert alert) {
        Card card = cards.alert(alert);
        List<Subscription> to = recipients();
        int sent = 0;
        for (Subscription subscription : to) {
            if (subscriptions.sent(subscription.conversationId(), alert.id())) {
                metrics.delivery("alert", "repeat");
                continue;
            }
            if (send(subscription, card, "alert")) {
                subscriptions.markSent(subscription.conversationId(), alert.id());
                sent++;
            }
        }
        LOG.info("watch: {} alert {} sent to {} of {} subscribed conversation(s)", alert.kind(), alert.id(), sent,
                to.size());
    }

    /** Sends a card to one conversation; false (counted, logged) when it could not be sent. */
    boolean send(Subscription subscription, Card card, String what) {
        try {
            messages.send(subscription.reference(), card);
            metrics.delivery(what, "sent");
            return true;
        } catch (Exception e) {
            metrics.delivery(what, "failed");
            LOG.warn("watch: a {} to a {} conversation could not be sent: {}", what,
                    subscription.conversationType(), e.toString());
            return false;
        }
    }

    /** The watched tenant's subscribers: a multi-tenant bot never shows one tenant's calls to another. */
    List<Subscription> recipients() {
        return subscriptions.all().stream()
                .filter(s -> watchedTenant == null || s.tenantId() == null || s.tenantId().isBlank()
                        || watchedTenant.equalsIgnoreCase(s.tenantId()))
                .toList();
    }
}
