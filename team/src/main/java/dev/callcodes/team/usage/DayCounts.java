package dev.callcodes.team.usage;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.callcodes.team.feedback.Vote;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * One tenant's counts for one UTC day: pairs asked by surface, unknown codes asked, feedback given. Codes and
 * numbers only: no message text, no user.
 *
 * @param pairs    by pair key ({@code 510559-403}), then by surface
 * @param unknown  pairs the catalog does not list, by pair key
 * @param feedback votes given that day (a changed vote counts again)
 */
public record DayCounts(Map<String, Map<Surface, Long>> pairs, Map<String, Long> unknown, Map<Vote, Long> feedback) {

    // Sorted copies: the stored JSON comes out the same for the same counts.
    public DayCounts {
        pairs = sortedPairs(pairs == null ? Map.of() : pairs);
        unknown = Collections.unmodifiableMap(new TreeMap<>(unknown == null ? Map.of() : unknown));
        feedback = Collections.unmodifiableMap(enumMap(Vote.class, feedback == null ? Map.of() : feedback));
    }

    public static DayCounts empty() {
        return new DayCounts(Map.of(), Map.of(), Map.of());
    }

    public DayCounts plus(DayCounts other) {
        Map<String, Map<Surface, Long>> p = new TreeMap<>();
        pairs.forEach((k, v) -> p.put(k, new EnumMap<>(v)));
        other.pairs.forEach((k, v) -> v.forEach((s, n) -> p.computeIfAbsent(k, x -> new EnumMap<>(Surface.class))
                .merge(s, n, Long::sum)));
        Map<String, Long> u = new TreeMap<>(unknown);
        other.unknown.forEach((k, n) -> u.merge(k, n, Long::sum));
        Map<Vote, Long> f = new EnumMap<>(Vote.class);
        f.putAll(feedback);
        other.feedback.forEach((k, n) -> f.merge(k, n, Long::sum));
        return new DayCounts(p, u, f);
    }

    @JsonIgnore
    public boolean isEmpty() {
        return pairs.isEmpty() && unknown.isEmpty() && feedback.isEmpty();
    }

    private static Map<String, Map<Surface, Long>> sortedPairs(Map<String, Map<Surface, Long>> pairs) {
        Map<String, Map<Surface, Long>> sorted = new TreeMap<>();
        pairs.forEach((k, v) -> sorted.put(k, Collections.unmodifiableMap(enumMap(Surface.class, v))));
        return Collections.unmodifiableMap(sorted);
    }

    private static <K extends Enum<K>> EnumMap<K, Long> enumMap(Class<K> type, Map<K, Long> map) {
        EnumMap<K, Long> copy = new EnumMap<>(type);
        copy.putAll(map);
        return copy;
    }
}
