package dev.callcodes.bot.watch;

import dev.callcodes.store.ConflictRetry;
import dev.callcodes.store.DocumentStore;
import dev.callcodes.store.Expiry;
import dev.callcodes.store.JsonDocuments;
import dev.callcodes.store.Versioned;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The conversations that get the watch's messages, in the app's store ({@code watch/subscriptions/HASH}: a Teams
 * conversation id is not a key segment, its hash is), shared by every instance. Which alert each conversation already
 * got is kept beside them ({@code watch/sent/HASH/ALERT}), so an alert offered again after a failed delivery reaches
 * only the conversations that missed it; and so is the message that shows each incident there
 * ({@code watch/sent/HASH/card-INCIDENT}: the activity id the connector gave it), which the incident's next alert
 * replaces in place.
 */
final class Subscriptions {

    static final String PREFIX = "watch/subscriptions/";
    static final String SENT = "watch/sent/";
    /** Long enough for any retry of an alert; the marks then go on their own. */
    static final java.time.Duration SENT_KEPT = java.time.Duration.ofDays(3);

    /** The message that shows an incident in one conversation. */
    record ShownCard(String activityId) {
    }

    private final JsonDocuments<Subscription> documents;
    private final JsonDocuments<ShownCard> cards;
    private final java.time.Clock clock;

    Subscriptions(DocumentStore store, java.time.Clock clock) {
        this.documents = new JsonDocuments<>(store, Subscription.class, ConflictRetry.DEFAULT);
        this.cards = new JsonDocuments<>(store, ShownCard.class, ConflictRetry.DEFAULT);
        this.clock = clock;
    }

    /** Subscribes (or refreshes the reference of) a conversation; true when it was not subscribed before. */
    boolean subscribe(Subscription subscription) {
        boolean[] added = {false};
        documents.update(key(subscription.conversationId()), () -> {
            added[0] = true;
            return subscription;
        }, stored -> new Subscription(stored.tenantId(), stored.conversationId(), subscription.conversationType(),
                subscription.reference(), stored.since(), stored.digest(), stored.lastDigestDay()), Expiry.NEVER);
        return added[0];
    }

    /** False when it was not subscribed. */
    boolean unsubscribe(String conversationId) {
        return documents.store().delete(key(conversationId));
    }

    Optional<Subscription> find(String conversationId) {
        return documents.read(key(conversationId)).map(Versioned::value);
    }

    List<Subscription> all() {
        return documents.readAll(PREFIX).map(Versioned::value).toList();
    }

    /** Changes a subscription if it exists; empty when the conversation is not subscribed. */
    Optional<Subscription> change(String conversationId, UnaryOperator<Subscription> change) {
        if (find(conversationId).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(documents.update(key(conversationId), () -> null, change, Expiry.NEVER));
    }

    /**
     * Claims the digest of {@code day} for the conversation: true for exactly one caller (the store's conditional
     * write decides between instances), false when that day went out already or the subscription is gone.
     */
    boolean claimDigest(String conversationId, LocalDate day) {
        Optional<Versioned<Subscription>> current = documents.read(key(conversationId));
        if (current.isEmpty() || current.get().value().lastDigestDay() != null
                && !current.get().value().lastDigestDay().isBefore(day)) {
            return false;
        }
        try {
            documents.replace(key(conversationId), current.get().value().withLastDigestDay(day),
                    current.get().version(), Expiry.NEVER);
            return true;
        } catch (dev.callcodes.store.ConflictException | dev.callcodes.store.NotFoundException another) {
            return false;
        }
    }

    /** Whether the conversation already got this alert. */
    boolean sent(String conversationId, String alertId) {
        return documents.store().read(sentKey(conversationId, alertId)).isPresent();
    }

    void markSent(String conversationId, String alertId) {
        documents.store().put(sentKey(conversationId, alertId), new byte[]{'1'},
                Expiry.at(clock.instant().plus(SENT_KEPT)));
    }

    /** The id of the message that shows the incident in the conversation, when one was kept (3 days). */
    Optional<String> cardOf(String conversationId, String incidentId) {
        return cards.read(cardKey(conversationId, incidentId)).map(v -> v.value().activityId())
                .filter(id -> id != null && !id.isBlank());
    }

    /** Keeps (or refreshes) the message that shows the incident in the conversation, for its next alert. */
    void keepCard(String conversationId, String incidentId, String activityId) {
        cards.put(cardKey(conversationId, incidentId), new ShownCard(activityId),
                Expiry.at(clock.instant().plus(SENT_KEPT)));
    }

    private static String key(String conversationId) {
        return PREFIX + hash(conversationId);
    }

    private static String sentKey(String conversationId, String alertId) {
        return SENT + hash(conversationId) + "/" + hash(alertId);
    }

    private static String cardKey(String conversationId, String incidentId) {
        return SENT + hash(conversationId) + "/card-" + hash(incidentId);
    }

    static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
