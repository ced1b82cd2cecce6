package dev.callcodes.catalog.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The search's index terms, arranged so that a query word is compared only with the terms that can match it: the
 * terms that start with it (a range of the sorted terms, the word itself included), the terms with its stem or a
 * synonym's stem, and, for typos, the words whose length is within the typos allowed. A message-extension query
 * used to compare each word with all of the catalog's terms, stem both every time, and box every posting; that
 * was most of a query's time.
 */
final class TermIndex {

    private final String[] texts;
    private final String[] stems;
    private final int[][] docs;
    private final double[][] weights;
    private final Map<String, int[]> byStem;
    /** Terms that begin with a letter (the only ones a typo can match), by length. */
    private final int[][] wordsByLength;
    /** Each term's characters counted in 32 buckets, to rule typo candidates out before the edit distance. */
    private final byte[][] letterCounts;

    TermIndex(Map<String, Map<Integer, Double>> postings) {
        texts = postings.keySet().stream().sorted().toArray(String[]::new);
        stems = new String[texts.length];
        docs = new int[texts.length][];
        weights = new double[texts.length][];
        letterCounts = new byte[texts.length][];
        Map<String, List<Integer>> stemTerms = new HashMap<>();
        Map<Integer, List<Integer>> lengthTerms = new HashMap<>();
        int longest = 0;
        for (int term = 0; term < texts.length; term++) {
            String text = texts[term];
            stems[term] = CatalogSearch.stem(text);
            letterCounts[term] = letterCounts(text);
            int[] termDocs = postings.get(text).keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
            docs[term] = termDocs;
            weights[term] = Arrays.stream(termDocs).mapToDouble(doc -> postings.get(text).get(doc)).toArray();
            stemTerms.computeIfAbsent(stems[term], k -> new ArrayList<>()).add(term);
            if (!Character.isDigit(text.charAt(0))) {
                lengthTerms.computeIfAbsent(text.length(), k -> new ArrayList<>()).add(term);
                longest = Math.max(longest, text.length());
            }
        }
        byStem = new HashMap<>();
        stemTerms.forEach((stem, terms) -> byStem.put(stem, ints(terms)));
        wordsByLength = new int[longest + 1][];
        for (int length = 0; length <= longest; length++) {
            wordsByLength[length] = ints(lengthTerms.getOrDefault(length, List.of()));
        }
    }

    String text(int term) {
        return texts[term];
    }

    String stem(int term) {
        return stems[term];
    }

    int[] docs(int term) {
        return docs[term];
    }

    double[] weights(int term) {
        return weights[term];
    }

    /** Every term that may score above 0 for the token, each once, in index order (so results stay stable). */
    IntStream candidates(String token, String tokenStem, Set<String> synonymStems, int typosAllowed) {
        BitSet found = new BitSet(texts.length);
        int from = Arrays.binarySearch(texts, token);
        for (int term = from >= 0 ? from : -from - 1; term < texts.length && texts[term].startsWith(token); term++) {
            found.set(term);
        }
        addAll(found, byStem.get(tokenStem));
        for (String synonym : synonymStems) {
            addAll(found, byStem.get(synonym));
        }
        int shortest = Math.max(1, token.length() - typosAllowed);
        int longest = Math.min(wordsByLength.length - 1, token.length() + typosAllowed);
        byte[] tokenCounts = typosAllowed > 0 ? letterCounts(token) : null;
        for (int length = shortest; typosAllowed > 0 && length <= longest; length++) {
            for (int term : wordsByLength[length]) {
                if (countDistance(tokenCounts, letterCounts[term]) <= 2 * typosAllowed) {
                    found.set(term);
                }
            }
        }
        return found.stream();
    }

    /**
     * A lower bound of twice the edit distance: a substitution changes two counts by one, an insertion or deletion
     * one, a transposition none; sharing buckets only lowers the sum. So a term over twice the typos allowed is
     * further away than allowed, and the edit distance need not be computed.
     */
    static int countDistance(byte[] a, byte[] b) {
        int distance = 0;
        for (int i = 0; i < a.length; i++) {
            distance += Math.abs(a[i] - b[i]);
        }
        return distance;
    }

    static byte[] letterCounts(String text) {
        byte[] counts = new byte[32];
        for (int i = 0; i < text.length(); i++) {
            int bucket = text.charAt(i) & 31;
            counts[bucket] = (byte) Math.min(Byte.MAX_VALUE, counts[bucket] + 1);
        }
        return counts;
    }

    private static void addAll(BitSet found, int[] terms) {
        if (terms != null) {
            for (int term : terms) {
                found.set(term);
            }
        }
    }

    private static int[] ints(List<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).toArray();
    }
}
