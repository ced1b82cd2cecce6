package dev.callcodes.team.usage;

import dev.callcodes.store.ConflictRetry;
import dev.callcodes.store.DocumentStore;
import dev.callcodes.store.Expiry;
import dev.callcodes.store.JsonDocuments;
import dev.callcodes.team.CodePair;
import dev.callcodes.team.Tenants;
import dev.callcodes.team.feedback.Vote;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Usage counts per tenant and UTC day ({@code usage/TENANT/YYYY-MM-DD}, kept {@value #KEEP_DAYS} days).
 *
 * <p>Counting is in memory and cheap; {@link #flush} merges what this instance counted into the day documents with
 * replace-if-version and retries, so instances flushing at once add up. Call it on a timer (every few seconds) and
 * at shutdown; a crash loses at most the counts since the last flush, and a failed flush keeps them for the next.
 */
public final class UsageCounts {

    public static final int KEEP_DAYS = 400;
    static final String PREFIX = "usage/";

    private final JsonDocuments<DayCounts> days;
    private final Clock clock;
    private final Map<String, DayTally> pending = new HashMap<>();

    public UsageCounts(DocumentStore store, Clock clock, ConflictRetry retry) {
        this.days = new JsonDocuments<>(store, DayCounts.class, retry);
        this.clock = clock;
    }

    public void pairAsked(String tenantId, CodePair pair, Surface surface) {
        asked(tenantId, surface, List.of(pair), List.of());
    }

    /** A pair the catalog does not list was asked about: the cue to add an entry. */
    public void unknownCodeAsked(String tenantId, CodePair pair) {
        asked(tenantId, Surface.CHAT, List.of(), List.of(pair));
    }

    /**
     * The pairs one answer gave, counted together: those the catalog lists, by surface, and those it does not. A
     * search listing 17 entries made the day's key and took the lock 17 times when they were counted one by one.
     */
    public void asked(String tenantId, Surface surface, Collection<CodePair> listed, Collection<CodePair> unlisted) {
        List<String> listedKeys = listed.stream().map(CodePair::key).toList();
        List<String> unlistedKeys = unlisted.stream().map(CodePair::key).toList();
        count(tenantId, tally -> {
            listedKeys.forEach(key -> tally.pair(key, surface, 1));
            unlistedKeys.forEach(key -> tally.unknown(key, 1));
        });
    }

    public void feedbackGiven(String tenantId, Vote vote) {
        count(tenantId, tally -> tally.vote(vote, 1));
    }

    private void count(String tenantId, Consumer<DayTally> increment) {
        String key = PREFIX + Tenants.key(tenantId) + "/" + today();
        synchronized (pending) {
            increment.accept(pending.computeIfAbsent(key, k -> new DayTally()));
        }
    }

    /**
     * Writes what this instance counted since the last flush.
     *
     * @return the day documents written
     * @throws dev.callcodes.store.StoreException when the store failed; the counts are kept for the next flush
     */
    public int flush() {
        Map<String, DayCounts> batch;
        synchronized (pending) {
            batch = new TreeMap<>();
            pending.forEach((key, tally) -> batch.put(key, tally.counts()));
            pending.clear();
        }
        int written = 0;
        try {
            for (Map.Entry<String, DayCounts> day : batch.entrySet()) {
                LocalDate date = LocalDate.parse(day.getKey().substring(day.getKey().lastIndexOf('/') + 1));
                Expiry expiry = Expiry.at(date.plusDays(KEEP_DAYS).atStartOfDay().toInstant(ZoneOffset.UTC));
                days.update(day.getKey(), DayCounts::empty, stored -> stored.plus(day.getValue()), expiry);
                batch.put(day.getKey(), DayCounts.empty());
                written++;
            }
        } catch (RuntimeException failed) {
            synchronized (pending) {
                batch.forEach((key, counts) -> pending.computeIfAbsent(key, k -> new DayTally()).add(counts));
            }
            throw failed;
        }
        return written;
    }

    /** The tenant's counts of the last {@code days} UTC days, today included (after flushing this instance's). */
    public DayCounts lastDays(String tenantId, int daysBack) {
        flush();
        String tenant = Tenants.key(tenantId);
        LocalDate today = today();
        DayCounts total = DayCounts.empty();
        for (int i = 0; i < daysBack; i++) {
            total = total.plus(days.read(PREFIX + tenant + "/" + today.minusDays(i)).map(v -> v.value())
                    .orElse(DayCounts.empty()));
        }
        return total;
    }

    /** A pair and how often it was asked, by surface. */
    public record PairCount(CodePair pair, long count, Map<Surface, Long> bySurface) {
    }

    /** Pairs by how often they were asked, most first (then by pair), at most {@code limit}. */
    public static List<PairCount> top(DayCounts counts, int limit) {
        return counts.pairs().entrySet().stream()
                .map(e -> new PairCount(CodePair.fromKey(e.getKey()),
                        e.getValue().values().stream().mapToLong(Long::longValue).sum(), new EnumMap<>(e.getValue())))
                .sorted(Comparator.comparingLong(PairCount::count).reversed()
                        .thenComparing(p -> p.pair().key()))
                .limit(limit).toList();
    }

    /** Unknown pairs by how often they were asked, most first. */
    public static List<PairCount> unknown(DayCounts counts, int limit) {
        return counts.unknown().entrySet().stream()
                .map(e -> new PairCount(CodePair.fromKey(e.getKey()), e.getValue(), Map.of()))
                .sorted(Comparator.comparingLong(PairCount::count).reversed().thenComparing(p -> p.pair().key()))
                .limit(limit).toList();
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

}
