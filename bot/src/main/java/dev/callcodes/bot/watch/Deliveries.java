package dev.callcodes.bot.watch;

import dev.callcodes.bot.teams.ProactiveMessages;
import dev.callcodes.cards.Card;
import dev.callcodes.watch.AlertSink;
import dev.callcodes.watch.WatchedTenant;
import dev.callcodes.watch.detect.Alert;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * The watch's alert sink: each alert, as a card, to every subscribed conversation of the watched tenant, once
 * (an alert offered again after a restart skips the conversations that have it). A conversation whose tenant cannot
 * be matched gets nothing; while the tenant's ID is still to be learned from the first token, an alert waits in the
 * outbox (it is refused, and offered again next tick) rather than going nowhere. A conversation that cannot be
 * reached (the app was removed there) is counted and logged, and does not hold up the others or the next alerts;
 * throttling and outages are the adapter's retries' and kept replies' to handle.
 */
final class Deliveries implements AlertSink {

    private static final Logger LOG = LoggerFactory.getLogger(Deliveries.class);

    private final Subscriptions subscriptions;
    private final WatchCards cards;
    private final ProactiveMessages messages;
    private final MicrometerWatchMetrics metrics;
    private final WatchedTenant watchedTenant;

    Deliveries(Subscriptions subscriptions, WatchCards cards, ProactiveMessages messages,
               MicrometerWatchMetrics metrics, WatchedTenant watchedTenant) {
        this.subscriptions = subscriptions;
        this.cards = cards;
        this.messages = messages;
        this.metrics = metrics;
        this.watchedTenant = watchedTenant;
    }

    @Override
    public void deliver(Alert alert) {
        if (watchedTenant.pending()) {
            throw new IllegalStateException("the tenant's ID is not known before the first token; the alert waits");
        }
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
        LOG.info("watch: {} alert {} sent to {} of {} subscribed conversation(s) of the watched tenant", alert.kind(),
                alert.id(), sent, to.size());
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

    /**
     * The watched tenant's subscribers: a multi-tenant bot never shows one tenant's calls to another, and a
     * conversation without a tenant (or of a tenant not known yet) is not one of them.
     */
    List<Subscription> recipients() {
        return subscriptions.all().stream()
                .filter(s -> watchedTenant.match(s.tenantId()) == WatchedTenant.Match.YES)
                .toList();
    }

}
