package dev.callcodes.team.usage;

import dev.callcodes.team.feedback.Vote;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * What one instance counted for one day since its last flush, counted in place. Merging an immutable
 * {@link DayCounts} per answer copied the whole day's counts each time: a search answered with 17 entries copied
 * them 17 times.
 */
final class DayTally {

    private final Map<String, Map<Surface, Long>> pairs = new HashMap<>();
    private final Map<String, Long> unknown = new HashMap<>();
    private final Map<Vote, Long> feedback = new EnumMap<>(Vote.class);

    void pair(String key, Surface surface, long n) {
        pairs.computeIfAbsent(key, k -> new EnumMap<>(Surface.class)).merge(surface, n, Long::sum);
    }

    void unknown(String key, long n) {
        unknown.merge(key, n, Long::sum);
    }

    void vote(Vote vote, long n) {
        feedback.merge(vote, n, Long::sum);
    }

    void add(DayCounts counts) {
        counts.pairs().forEach((key, bySurface) -> bySurface.forEach((surface, n) -> pair(key, surface, n)));
        counts.unknown().forEach(this::unknown);
        counts.feedback().forEach(this::vote);
    }

    DayCounts counts() {
        return new DayCounts(pairs, unknown, feedback);
    }
}
