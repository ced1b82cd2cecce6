package dev.callcodes.team.feedback;

import dev.callcodes.store.ConflictRetry;
import dev.callcodes.store.DocumentStore;
import dev.callcodes.store.Expiry;
import dev.callcodes.store.JsonDocuments;
import dev.callcodes.store.Keys;
import dev.callcodes.store.Versioned;
import dev.callcodes.team.Tenants;
import dev.callcodes.team.TextRules;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * "Helpful" and "Not helpful" on answers, per tenant and entry: one vote per user, a later vote replaces the earlier.
 * The votes on one entry are one document ({@code feedback/TENANT/ENTRY}, a map by user), changed with
 * replace-if-version and retries, so concurrent votes from several instances are all kept and nobody counts twice.
 */
public final class Feedback {

    public static final int MAX_COMMENT = 500;
    static final String PREFIX = "feedback/";

    private final JsonDocuments<EntryVotes> documents;
    private final Clock clock;

    public Feedback(DocumentStore store, Clock clock, ConflictRetry retry) {
        this.documents = new JsonDocuments<>(store, EntryVotes.class, retry);
        this.clock = clock;
    }

    /** The stored form: every user's current ballot on one entry. */
    record EntryVotes(Map<String, Ballot> votes) {
        EntryVotes {
            votes = votes == null ? Map.of() : Map.copyOf(votes);
        }

        EntryVotes with(String user, Ballot ballot) {
            Map<String, Ballot> copy = new TreeMap<>(votes);
            copy.put(user, ballot);
            return new EntryVotes(copy);
        }

        Tally tally(String entryId) {
            int helpful = (int) votes.values().stream().filter(b -> b.vote() == Vote.HELPFUL).count();
            return new Tally(entryId, helpful, votes.size() - helpful);
        }
    }

    /**
     * Records {@code userId}'s vote on an entry (a catalog entry id, or a pair key for codes the catalog does not
     * list), replacing any earlier vote of theirs.
     *
     * @param comment optional; plain text, at most {@value #MAX_COMMENT} characters
     * @return the entry's tally with this vote
     */
    public Tally vote(String tenantId, String entryId, String userId, Vote vote, String comment) {
        String user = user(userId);
        String checkedComment = comment == null || comment.isBlank() ? null
                : TextRules.plainText("The comment", comment, MAX_COMMENT);
        Ballot ballot = new Ballot(vote, checkedComment, clock.instant());
        return documents.update(key(tenantId, entryId), () -> new EntryVotes(Map.of()),
                votes -> votes.with(user, ballot), Expiry.NEVER).tally(entryId);
    }

    public Optional<Ballot> voteOf(String tenantId, String entryId, String userId) {
        return documents.read(key(tenantId, entryId)).map(v -> v.value().votes().get(user(userId)));
    }

    public Tally tally(String tenantId, String entryId) {
        return documents.read(key(tenantId, entryId)).map(v -> v.value().tally(entryId))
                .orElse(new Tally(entryId, 0, 0));
    }

    /** The entries with the most "not helpful" votes in the tenant, most first; only entries with one or more. */
    public List<Tally> mostNotHelpful(String tenantId, int limit) {
        return documents.readAll(PREFIX + Tenants.key(tenantId) + "/")
                .map(v -> v.value().tally(v.key().substring(v.key().lastIndexOf('/') + 1)))
                .filter(t -> t.notHelpful() > 0)
                .sorted(Comparator.comparingInt(Tally::notHelpful).reversed()
                        .thenComparingInt(Tally::helpful).thenComparing(Tally::entryId))
                .limit(limit).toList();
    }

    /** Every ballot on an entry, by user (for maintainers reading the comments). */
    public Map<String, Ballot> ballots(String tenantId, String entryId) {
        return documents.read(key(tenantId, entryId)).map(Versioned::value).map(EntryVotes::votes).orElse(Map.of());
    }

    private static String key(String tenantId, String entryId) {
        return PREFIX + Tenants.key(tenantId) + "/" + Keys.segment("the entry id", entryId);
    }

    private static String user(String userId) {
        if (userId == null || userId.isBlank()) {
            throw new IllegalArgumentException("a vote needs the user's id");
        }
        return userId.strip().toLowerCase(Locale.ROOT);
    }
}
