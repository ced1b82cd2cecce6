package dev.callcodes.bot.watch;

import dev.callcodes.bot.teams.ProactiveMessages;
import dev.callcodes.cards.Card;
import dev.callcodes.watch.AlertSink;
import dev.callcodes.watch.WatchedTenant;
import dev.callcodes.watch.detect.Alert;
import dev.callcodes.watch.detect.AlertKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;

/**
 * The watch's alert sink: each alert, as a card, to every subscribed conversation of the watched tenant, once
 * (an alert offered again after a restart skips the conversations that have it); while the tenant's ID is still
 * to be learned from the first token, an alert waits in the outbox (refused, offered again next tick). One incident
 * is one card in a conversation: its first alert is a new message whose id is kept, and each update replaces that card in place;
 * when the card is gone (or its id was never known) the update is posted as a new message, whose id is kept
 * instead. The resolution is a new message, so people are notified, and the first card turns to it as well. A
 * conversation that cannot be reached (the app was removed there) is counted and logged, and does not hold up the
 * others or the next alerts; throttling and outages are the adapter's retries' and kept replies' to handle.
 */
final class Deliveries implements AlertSink {

    private static final Logger LOG = LoggerFactory.getLogger(Deliveries.class);

    private final Subscriptions subscriptions;
    private final WatchCards cards;
    private final ProactiveMessages messages;
    private final MicrometerWatchMetrics metrics;
    private final WatchedTenant tenant;
    private final WindowReports reports;

    Deliveries(Subscriptions subscriptions, WatchCards cards, ProactiveMessages messages,
               MicrometerWatchMetrics metrics, WatchedTenant tenant, WindowReports reports) {
        this.subscriptions = subscriptions;
        this.cards = cards;
        this.messages = messages;
        this.metrics = metrics;
        this.tenant = tenant;
        this.reports = reports;
    }

    @Override
    public void deliver(Alert alert) {
        if (tenant.pending()) {
            throw new IllegalStateException("the tenant's ID is not known before the first token; the alert waits");
        }
        // Before any card shows its report button.
        reports.keep(alert);
        Card card = cards.alert(alert);
        List<Subscription> to = recipients();
        int sent = 0;
        for (Subscription subscription : to) {
            if (subscriptions.sent(subscription.conversationId(), alert.id())) {
                metrics.delivery("alert", "repeat");
                continue;
            }
            if (show(subscription, alert, card)) {
                subscriptions.markSent(subscription.conversationId(), alert.id());
                sent++;
            }
        }
        LOG.info("watch: {} alert {} sent to {} of {} subscribed conversation(s) of the watched tenant", alert.kind(),
                alert.id(), sent, to.size());
    }

    /**
     * Shows the alert in one conversation: replaces the incident's card there, or posts it; false (counted, logged)
     * when it could not. The card's id is kept before the alert is marked sent, so an alert offered again after a
     * crash between the two replaces the card it already posted instead of posting it twice.
     */
    private boolean show(Subscription subscription, Alert alert, Card card) {
        String conversation = subscription.conversationId();
        Optional<String> shown = subscriptions.cardOf(conversation, alert.incidentId());
        return attempt(subscription, "alert", () -> {
            if (alert.kind() == AlertKind.RESOLVED) {
                post(subscription, alert, card);
                shown.ifPresent(id -> turnToResolved(subscription, id, card));
            } else if (shown.isPresent() && messages.update(subscription.reference(), shown.get(), card)) {
                subscriptions.keepCard(conversation, alert.incidentId(), shown.get());
                metrics.delivery("alert", "updated");
            } else {
                post(subscription, alert, card);
            }
        });
    }

    private void post(Subscription subscription, Alert alert, Card card) throws Exception {
        String id = messages.send(subscription.reference(), card);
        if (id != null && alert.kind() != AlertKind.RESOLVED) {
            subscriptions.keepCard(subscription.conversationId(), alert.incidentId(), id);
        }
        metrics.delivery("alert", "sent");
    }

    /** The first card says "resolved" too, for whoever scrolls back to it; the new message is what notifies. */
    private void turnToResolved(Subscription subscription, String activityId, Card card) {
        try {
            if (messages.update(subscription.reference(), activityId, card)) {
                metrics.delivery("alert", "updated");
            }
        } catch (Exception e) {
            LOG.info("watch: the first card of a resolved incident in a {} conversation stays as it was: {}",
                    subscription.conversationType(), e.toString());
        }
    }

    /** Sends a card to one conversation; false (counted, logged) when it could not be sent. */
    boolean send(Subscription subscription, Card card, String what) {
        return attempt(subscription, what, () -> {
            messages.send(subscription.reference(), card);
            metrics.delivery(what, "sent");
        });
    }

    private interface Attempt {
        void run() throws Exception;
    }

    /** One conversation's delivery: a failure is counted and logged, and the others go on. */
    private boolean attempt(Subscription subscription, String what, Attempt attempt) {
        try {
            attempt.run();
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
                .filter(s -> tenant.match(s.tenantId()) == WatchedTenant.Match.YES)
                .toList();
    }
}
