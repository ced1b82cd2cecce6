package dev.callcodes.catalog.search;

import dev.callcodes.catalog.Catalog;
import dev.callcodes.catalog.CatalogEntry;
import dev.callcodes.catalog.Phrases;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Ranked search over codes, official phrases and CallCodes' own texts. Tolerates typos ("certifcate expird") and
 * partial input (as typed in a message extension: "5105", "no viab"). Thread-safe; build once and share.
 */
public final class CatalogSearch {

    /** A result: the entry and its score (higher is better; only the order means anything). */
    public record Hit(CatalogEntry entry, double score) {
    }

    /** How many results the command line and the REST API give unless asked, and the most they give. */
    public static final int DEFAULT_LIMIT = 10;
    public static final int MAX_LIMIT = 100;

    private static final double MICROSOFT_CODE_WEIGHT = 8;
    private static final double SIP_CODE_WEIGHT = 4;
    private static final double PHRASE_WEIGHT = 3;
    private static final double SUMMARY_WEIGHT = 1.5;
    private static final double CAUSE_WEIGHT = 1;
    private static final double STEPS_WEIGHT = 0.6;
    private static final double WHOLE_PHRASE_BONUS = 5;

    private static final Set<String> STOP_WORDS = Set.of("a", "an", "the", "of", "to", "in", "on", "for", "and", "or",
            "is", "are", "was", "be", "by", "with", "as", "at", "it", "its", "this", "that", "from", "what", "does",
            "mean", "means", "why", "how", "error", "code", "i", "my", "we", "our", "get", "got");

    private final List<CatalogEntry> entries;
    private final Map<String, Map<Integer, Double>> postings = new HashMap<>();
    private final List<String> terms;
    private final List<String> normalizedPhrases;

    public CatalogSearch(Catalog catalog) {
        this.entries = Objects.requireNonNull(catalog, "catalog").entries();
        List<String> phrases = new ArrayList<>();
        for (int doc = 0; doc < entries.size(); doc++) {
            CatalogEntry e = entries.get(doc);
            if (e.microsoftCode() != null) {
                post(e.microsoftCode(), doc, MICROSOFT_CODE_WEIGHT);
            }
            for (int sip : e.sipCodes()) {
                post(Integer.toString(sip), doc, SIP_CODE_WEIGHT);
            }
            index(e.phrase(), doc, PHRASE_WEIGHT);
            index(e.summary(), doc, SUMMARY_WEIGHT);
            index(e.cause(), doc, CAUSE_WEIGHT);
            for (String step : e.steps()) {
                index(step, doc, STEPS_WEIGHT);
            }
            phrases.add(Phrases.normalize(e.phrase()));
        }
        this.terms = List.copyOf(postings.keySet());
        this.normalizedPhrases = List.copyOf(phrases);
    }

    public List<Hit> search(String query, int limit) {
        if (query == null || limit <= 0) {
            return List.of();
        }
        List<String> queryTerms = tokens(query);
        if (queryTerms.isEmpty()) {
            return List.of();
        }
        Map<Integer, double[]> perDoc = new HashMap<>();
        for (int q = 0; q < queryTerms.size(); q++) {
            Map<Integer, Double> matches = matches(queryTerms.get(q));
            // One rarity per query word, over every term it matched: a rare typo-neighbour ("expire") must not
            // outweigh the common word the user meant ("expired").
            double idf = Math.log(1 + (double) entries.size() / Math.max(1, matches.size()));
            for (Map.Entry<Integer, Double> match : matches.entrySet()) {
                perDoc.computeIfAbsent(match.getKey(), k -> new double[queryTerms.size()])[q] = match.getValue() * idf;
            }
        }
        String wholeQuery = Phrases.normalize(query);
        List<Hit> hits = new ArrayList<>();
        perDoc.forEach((doc, best) -> {
            double sum = 0;
            int matched = 0;
            for (double b : best) {
                sum += b;
                matched += b > 0 ? 1 : 0;
            }
            double coverage = (double) matched / best.length;
            double score = sum * coverage * coverage;
            if (wholeQuery.length() >= 4 && normalizedPhrases.get(doc).contains(wholeQuery)) {
                score += WHOLE_PHRASE_BONUS;
            }
            hits.add(new Hit(entries.get(doc), score));
        });
        hits.sort(Comparator.comparingDouble(Hit::score).reversed()
                .thenComparingInt(h -> Catalog.familyRank(h.entry().family()))
                .thenComparing(h -> h.entry().id()));
        return List.copyOf(hits.subList(0, Math.min(limit, hits.size())));
    }

    /** Each entry the token matches, with its best quality times field weight. */
    private Map<Integer, Double> matches(String token) {
        Map<Integer, Double> best = new HashMap<>();
        for (String term : terms) {
            double quality = quality(token, term);
            if (quality > 0) {
                postings.get(term).forEach((doc, weight) -> best.merge(doc, quality * weight, Math::max));
            }
        }
        return best;
    }

    /** How well a query token matches an index term: 1 exact; less for a prefix or a typo; 0 not at all. */
    static double quality(String token, String term) {
        if (token.equals(term)) {
            return 1;
        }
        boolean numeric = Character.isDigit(token.charAt(0));
        if (token.length() >= 3 && term.startsWith(token)) {
            return numeric ? 0.9 : 0.75;
        }
        if (numeric || token.length() < 4 || Character.isDigit(term.charAt(0))) {
            return 0;
        }
        int allowed = token.length() >= 7 ? 2 : 1;
        int distance = EditDistance.atMost(token, term, allowed);
        if (distance > allowed) {
            return 0;
        }
        return distance == 1 ? 0.7 : 0.5;
    }

    static List<String> tokens(String text) {
        String folded = Phrases.foldAll(text);
        List<String> out = new ArrayList<>();
        StringBuilder token = new StringBuilder();
        for (int i = 0; i <= folded.length(); i++) {
            char c = i < folded.length() ? folded.charAt(i) : ' ';
            if (Character.isLetterOrDigit(c)) {
                token.append(c);
            } else if (!token.isEmpty()) {
                String t = token.toString();
                if ((t.length() > 1 || Character.isDigit(t.charAt(0))) && !STOP_WORDS.contains(t)) {
                    out.add(t);
                }
                token.setLength(0);
            }
        }
        return out;
    }

    private void index(String text, int doc, double weight) {
        for (String token : tokens(text)) {
            post(token, doc, weight);
        }
    }

    private void post(String term, int doc, double weight) {
        postings.computeIfAbsent(term, t -> new HashMap<>()).merge(doc, weight, Math::max);
    }
}
