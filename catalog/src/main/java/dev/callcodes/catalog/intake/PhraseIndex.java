package dev.callcodes.catalog.intake;

import dev.callcodes.catalog.Catalog;
import dev.callcodes.catalog.Phrases;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the catalog's official phrases in text. Inside a line, every phrase long enough to be unmistakable is found
 * in one pass (Aho-Corasick over the normalized phrases), so the cost is the line's length, not the line's length
 * times the number of phrases. Where the text is known to be a phrase (a "Final SIP phrase" cell, a Reason header's
 * text, a JSON message), it also matches after Microsoft reworded it a little: same words in the same order, give
 * or take a few ({@link #tolerant}). Immutable and thread-safe.
 */
public final class PhraseIndex {

    /** Shorter phrases ("Forbidden", "Conflict") are recognised only when they are the whole text. */
    static final int MIN_EMBEDDED_PHRASE = 12;
    /** Word-level similarity a reworded phrase needs: 1 - (word edits / words of the longer one). */
    private static final double MIN_SIMILARITY = 0.75;
    private static final int MIN_TOLERANT_WORDS = 3;
    private static final int MAX_TOLERANT_WORDS = 60;
    private static final Set<String> STOP_WORDS = Set.of("the", "a", "an", "to", "of", "is", "was", "for", "and",
            "or", "in", "on", "by", "be", "not", "this", "that", "with", "as", "at", "it", "call");

    private final Set<String> phrases;
    private final List<String> embeddable;
    private final Map<String, List<Integer>> phrasesByWord = new HashMap<>();
    private final List<String[]> wordsOfPhrase = new ArrayList<>();
    private final List<String> phraseOfId = new ArrayList<>();

    // Aho-Corasick automaton over the embeddable phrases
    private final List<Map<Character, Integer>> next = new ArrayList<>();
    private final List<Integer> fail = new ArrayList<>();
    private final List<Integer> output = new ArrayList<>();
    private final List<Integer> outputLink = new ArrayList<>();

    private PhraseIndex(Collection<String> normalizedPhrases) {
        this.phrases = Set.copyOf(normalizedPhrases);
        this.embeddable = normalizedPhrases.stream()
                .filter(p -> p.length() >= MIN_EMBEDDED_PHRASE && p.indexOf(' ') > 0).sorted().toList();
        buildAutomaton();
        for (String phrase : normalizedPhrases.stream().sorted().toList()) {
            String[] words = words(phrase);
            int id = wordsOfPhrase.size();
            wordsOfPhrase.add(words);
            phraseOfId.add(phrase);
            for (String word : new HashSet<>(Arrays.asList(words))) {
                if (!STOP_WORDS.contains(word) && word.length() > 2) {
                    phrasesByWord.computeIfAbsent(word, w -> new ArrayList<>()).add(id);
                }
            }
        }
    }

    public static PhraseIndex of(Catalog catalog) {
        return new PhraseIndex(catalog.normalizedPhrases());
    }

    /** The official phrase the whole text is, after normalization; empty when it is none. */
    public Optional<String> exact(String text) {
        String normalized = Phrases.normalize(text);
        return phrases.contains(normalized) ? Optional.of(normalized) : Optional.empty();
    }

    /**
     * The official phrase the text is, exactly or reworded a little; empty when none is close, or when two are
     * equally close (the text does not say which).
     */
    public Optional<String> tolerant(String text) {
        Optional<String> exact = exact(text);
        if (exact.isPresent()) {
            return exact;
        }
        if (text.length() > MAX_TOLERANT_WORDS * 12) {
            return Optional.empty();
        }
        String normalized = Phrases.normalize(text);
        String[] words = words(normalized);
        if (words.length < MIN_TOLERANT_WORDS || words.length > MAX_TOLERANT_WORDS) {
            return Optional.empty();
        }
        Map<Integer, Integer> shared = new HashMap<>();
        for (String word : new HashSet<>(Arrays.asList(words))) {
            for (int id : phrasesByWord.getOrDefault(word, List.of())) {
                shared.merge(id, 1, Integer::sum);
            }
        }
        String best = null;
        double bestScore = 0;
        boolean tie = false;
        for (Map.Entry<Integer, Integer> candidate : shared.entrySet()) {
            String[] phraseWords = wordsOfPhrase.get(candidate.getKey());
            if (candidate.getValue() * 2 < Math.min(words.length, phraseWords.length)) {
                continue;
            }
            double score = similarity(words, phraseWords);
            if (score > bestScore + 1e-9) {
                best = phraseOfId.get(candidate.getKey());
                bestScore = score;
                tie = false;
            } else if (Math.abs(score - bestScore) <= 1e-9) {
                tie = true;
            }
        }
        return bestScore >= MIN_SIMILARITY && !tie ? Optional.ofNullable(best) : Optional.empty();
    }

    /**
     * The longest official phrase inside the text, at word boundaries; the whole text may also be a short phrase.
     * Empty when there is none.
     */
    public Optional<String> within(String text) {
        String normalized = Phrases.normalize(text);
        if (phrases.contains(normalized)) {
            return Optional.of(normalized);
        }
        String best = null;
        int state = 0;
        for (int i = 0; i < normalized.length(); i++) {
            char c = normalized.charAt(i);
            while (state != 0 && !next.get(state).containsKey(c)) {
                state = fail.get(state);
            }
            state = next.get(state).getOrDefault(c, 0);
            for (int s = output.get(state) >= 0 ? state : outputLink.get(state); s > 0; s = outputLink.get(s)) {
                String phrase = embeddable.get(output.get(s));
                int start = i - phrase.length() + 1;
                if ((best == null || phrase.length() > best.length()) && atWordBoundary(normalized, start, i + 1)) {
                    best = phrase;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    private void buildAutomaton() {
        newState();
        for (int id = 0; id < embeddable.size(); id++) {
            int state = 0;
            for (char c : embeddable.get(id).toCharArray()) {
                Integer target = next.get(state).get(c);
                if (target == null) {
                    target = newState();
                    next.get(state).put(c, target);
                }
                state = target;
            }
            output.set(state, id);
        }
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int child : next.get(0).values()) {
            fail.set(child, 0);
            queue.add(child);
        }
        while (!queue.isEmpty()) {
            int state = queue.poll();
            for (Map.Entry<Character, Integer> edge : next.get(state).entrySet()) {
                int child = edge.getValue();
                int f = fail.get(state);
                while (f != 0 && !next.get(f).containsKey(edge.getKey())) {
                    f = fail.get(f);
                }
                int target = next.get(f).getOrDefault(edge.getKey(), 0);
                fail.set(child, target == child ? 0 : target);
                int linkTarget = fail.get(child);
                outputLink.set(child, output.get(linkTarget) >= 0 ? linkTarget : outputLink.get(linkTarget));
                queue.add(child);
            }
        }
    }

    private int newState() {
        next.add(new HashMap<>());
        fail.add(0);
        output.add(-1);
        outputLink.add(0);
        return next.size() - 1;
    }

    private static boolean atWordBoundary(String s, int start, int end) {
        boolean before = start == 0 || !Character.isLetterOrDigit(s.charAt(start - 1))
                || !Character.isLetterOrDigit(s.charAt(start));
        boolean after = end == s.length() || !Character.isLetterOrDigit(s.charAt(end))
                || !Character.isLetterOrDigit(s.charAt(end - 1));
        return before && after;
    }

    private static String[] words(String normalized) {
        return Arrays.stream(normalized.split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isEmpty()).toArray(String[]::new);
    }

    /** 1 - word-level edit distance / length of the longer: the same words in the same order, give or take a few. */
    private static double similarity(String[] a, String[] b) {
        int[] previous = new int[b.length + 1];
        int[] current = new int[b.length + 1];
        for (int j = 0; j <= b.length; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length; i++) {
            current[0] = i;
            for (int j = 1; j <= b.length; j++) {
                int cost = a[i - 1].equals(b[j - 1]) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return 1.0 - (double) previous[b.length] / Math.max(a.length, b.length);
    }
}
