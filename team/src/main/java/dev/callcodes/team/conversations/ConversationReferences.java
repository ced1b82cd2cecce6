package dev.callcodes.team.conversations;

import com.fasterxml.jackson.databind.JsonNode;
import dev.callcodes.store.ConflictRetry;
import dev.callcodes.store.DocumentStore;
import dev.callcodes.store.Expiry;
import dev.callcodes.store.JsonDocuments;
import dev.callcodes.store.Versioned;
import dev.callcodes.team.Tenants;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The conversation references of every conversation the bot is in ({@code conversations/TENANT/HASH}), for proactive
 * messages; removed when the app is uninstalled there. Saving the same reference again writes nothing, and within
 * {@link #RESAVE_AFTER} of this instance's last save reads nothing either, so the bot can save on every activity.
 */
public final class ConversationReferences {

    static final String PREFIX = "conversations/";
    /**
     * How long an unchanged reference this instance saved is not read and compared again: that read was a tenth of
     * the CPU of a chat message or an extension keystroke. After it, a reference that another instance removed
     * meanwhile is written back by the next activity.
     */
    public static final Duration RESAVE_AFTER = Duration.ofMinutes(10);
    /** References remembered at most; past this the memory starts again (each costs one save then). */
    static final int REMEMBERED = 10_000;

    private record Checked(StoredConversation stored, Instant at) {
    }

    private final JsonDocuments<StoredConversation> documents;
    private final Clock clock;
    private final Map<String, Checked> savedHere = new ConcurrentHashMap<>();

    public ConversationReferences(DocumentStore store, Clock clock, ConflictRetry retry) {
        this.documents = new JsonDocuments<>(store, StoredConversation.class, retry);
        this.clock = clock;
    }

    /** Saves or refreshes a reference; returns what is stored. */
    public StoredConversation save(String tenantId, String conversationId, String conversationType, String teamId,
                                   JsonNode reference) {
        String tenant = Tenants.key(tenantId);
        Objects.requireNonNull(conversationId, "conversationId");
        Instant now = clock.instant();
        StoredConversation fresh = new StoredConversation(tenant, conversationId, conversationType, teamId,
                reference, now);
        String key = key(tenant, conversationId);
        Checked last = savedHere.get(key);
        if (last != null && same(last.stored(), fresh) && now.isBefore(last.at().plus(RESAVE_AFTER))) {
            return last.stored();
        }
        StoredConversation stored = documents.update(key, () -> fresh,
                existing -> same(existing, fresh) ? existing : fresh, Expiry.NEVER);
        if (savedHere.size() >= REMEMBERED) {
            savedHere.clear();
        }
        savedHere.put(key, new Checked(stored, now));
        return stored;
    }

    public Optional<StoredConversation> find(String tenantId, String conversationId) {
        return documents.read(key(Tenants.key(tenantId), conversationId)).map(Versioned::value);
    }

    /** The tenant's conversations. */
    public List<StoredConversation> list(String tenantId) {
        return documents.readAll(PREFIX + Tenants.key(tenantId) + "/").map(Versioned::value).toList();
    }

    /** Every conversation of every tenant (the watch's subscribers are chosen from these). */
    public Stream<StoredConversation> all() {
        return documents.readAll(PREFIX).map(Versioned::value);
    }

    /** The app was removed from a chat: forget it. False when it was not stored. */
    public boolean remove(String tenantId, String conversationId) {
        String key = key(Tenants.key(tenantId), conversationId);
        savedHere.remove(key);
        return documents.store().delete(key);
    }

    /** The app was removed from a team: forget the team's channel conversations. Returns how many. */
    public int removeTeam(String tenantId, String teamId) {
        int removed = 0;
        for (StoredConversation conversation : list(tenantId)) {
            if (teamId.equals(conversation.teamId()) && remove(tenantId, conversation.conversationId())) {
                removed++;
            }
        }
        return removed;
    }

    private static boolean same(StoredConversation a, StoredConversation b) {
        return Objects.equals(a.conversationType(), b.conversationType()) && Objects.equals(a.teamId(), b.teamId())
                && Objects.equals(a.reference(), b.reference());
    }

    private static String key(String tenant, String conversationId) {
        return PREFIX + tenant + "/" + Hashes.of(conversationId);
    }
}
