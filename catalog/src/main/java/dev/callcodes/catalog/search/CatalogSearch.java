package dev.callcodes.catalog.search;

import dev.callcodes.catalog.Catalog;
import dev.callcodes.catalog.CatalogEntry;
import dev.callcodes.catalog.Families;
import dev.callcodes.catalog.Phrases;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
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
    private static final double SYMPTOM_WEIGHT = 3;
    private static final double WHOLE_PHRASE_BONUS = 5;
    /** Added when every word of one of the entry's symptoms is in the query: the user described this case. */
    private static final double WHOLE_SYMPTOM_BONUS = 6;
    /** A query word found only through a synonym counts a little less than the word itself. */
    private static final double SYNONYM_QUALITY = 0.8;
    private static final double STEM_QUALITY = 0.9;
    private static final String SYNONYMS = "search/synonyms.txt";

    private static final Set<String> STOP_WORDS = Set.of("a", "an", "the", "of", "to", "in", "on", "for", "and", "or",
            "is", "are", "was", "be", "by", "with", "as", "at", "it", "its", "this", "that", "from", "what", "does",
            "mean", "means", "why", "how", "error", "code", "i", "my", "we", "our", "get", "got");

    private final List<CatalogEntry> entries;
    private final Families families;
    private final TermIndex terms;
    private final List<String> normalizedPhrases;
    private final List<List<List<String>>> symptomStems;
    private final Map<String, Set<String>> synonyms;

    public CatalogSearch(Catalog catalog) {
        this.entries = Objects.requireNonNull(catalog, "catalog").entries();
        this.families = catalog.families();
        this.synonyms = Synonyms.load(SYNONYMS);
        // Only while building: the index keeps the postings as arrays.
        Map<String, Map<Integer, Double>> postings = new HashMap<>();
        List<String> phrases = new ArrayList<>();
        List<List<List<String>>> symptoms = new ArrayList<>();
        for (int doc = 0; doc < entries.size(); doc++) {
            CatalogEntry e = entries.get(doc);
            if (e.microsoftCode() != null) {
                post(postings, e.microsoftCode(), doc, MICROSOFT_CODE_WEIGHT);
            }
            for (int sip : e.sipCodes()) {
                post(postings, Integer.toString(sip), doc, SIP_CODE_WEIGHT);
            }
            index(postings, e.phrase(), doc, PHRASE_WEIGHT);
            index(postings, e.summary(), doc, SUMMARY_WEIGHT);
            index(postings, e.cause(), doc, CAUSE_WEIGHT);
            for (String step : e.steps()) {
                index(postings, step, doc, STEPS_WEIGHT);
            }
            List<List<String>> stems = new ArrayList<>();
            for (String symptom : e.symptoms()) {
                index(postings, symptom, doc, SYMPTOM_WEIGHT);
                stems.add(tokens(symptom).stream().map(CatalogSearch::stem).toList());
            }
            symptoms.add(List.copyOf(stems));
            phrases.add(Phrases.normalize(e.phrase()));
        }
        this.terms = new TermIndex(postings);
        this.normalizedPhrases = List.copyOf(phrases);
        this.symptomStems = List.copyOf(symptoms);
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
        double[] rarity = new double[queryTerms.size()];
        for (int q = 0; q < queryTerms.size(); q++) {
            Map<Integer, Double> matches = matches(queryTerms.get(q));
            // One rarity per query word, over every term it matched: a rare typo-neighbour ("expire") must not
            // outweigh the common word the user meant ("expired").
            rarity[q] = Math.log(1 + (double) entries.size() / Math.max(1, matches.size()));
            for (Map.Entry<Integer, Double> match : matches.entrySet()) {
                perDoc.computeIfAbsent(match.getKey(), k -> new double[queryTerms.size()])[q] =
                        match.getValue() * rarity[q];
            }
        }
        double totalRarity = 0;
        for (double r : rarity) {
            totalRarity += r;
        }
        double allRarity = totalRarity;
        Set<String> queryStems = new HashSet<>();
        queryTerms.forEach(t -> queryStems.add(stem(t)));
        String wholeQuery = Phrases.normalize(query);
        List<Hit> hits = new ArrayList<>();
        perDoc.forEach((doc, best) -> {
            double sum = 0;
            double matchedRarity = 0;
            for (int q = 0; q < best.length; q++) {
                sum += best[q];
                matchedRarity += best[q] > 0 ? rarity[q] : 0;
            }
            // Coverage by rarity: leaving out a word most entries have ("call") costs little, leaving out the
            // word that names the problem ("voicemail") costs a lot.
            double coverage = matchedRarity / allRarity;
            double score = sum * coverage * coverage;
            if (wholeQuery.length() >= 4 && normalizedPhrases.get(doc).contains(wholeQuery)) {
                score += WHOLE_PHRASE_BONUS;
            }
            for (List<String> symptom : symptomStems.get(doc)) {
                if (!symptom.isEmpty() && queryStems.containsAll(symptom)) {
                    score += WHOLE_SYMPTOM_BONUS * symptom.size() / Math.max(symptom.size(), queryStems.size());
                    break;
                }
            }
            hits.add(new Hit(entries.get(doc), score));
        });
        hits.sort(Comparator.comparingDouble(Hit::score).reversed()
                .thenComparingInt(h -> families.rank(h.entry().family()))
                .thenComparing(h -> h.entry().id()));
        return List.copyOf(hits.subList(0, Math.min(limit, hits.size())));
    }

    /** Each entry the token (or a synonym of it) matches, with its best quality times field weight. */
    private Map<Integer, Double> matches(String token) {
        String tokenStem = stem(token);
        Set<String> alternatives = synonyms.getOrDefault(tokenStem, Set.of());
        Map<Integer, Double> best = new HashMap<>();
        terms.candidates(token, tokenStem, alternatives, editDistanceAllowed(token)).forEach(term -> {
            double quality = quality(token, tokenStem, terms.text(term), terms.stem(term));
            if (alternatives.contains(terms.stem(term))) {
                quality = Math.max(quality, SYNONYM_QUALITY);
            }
            if (quality > 0) {
                double q = quality;
                int[] docs = terms.docs(term);
                double[] weights = terms.weights(term);
                for (int i = 0; i < docs.length; i++) {
                    best.merge(docs[i], q * weights[i], Math::max);
                }
            }
        });
        return best;
    }

    /** How well a query token matches an index term: 1 exact; less for a prefix or a typo; 0 not at all. */
    static double quality(String token, String term) {
        return quality(token, stem(token), term, stem(term));
    }

    /**
     * {@link #quality(String, String)} with both stems known. {@link TermIndex#candidates} relies on the cases
     * below: a term that is not the token, has another stem, does not start with it, and is further from it in
     * length than {@link #editDistanceAllowed} scores 0.
     */
    private static double quality(String token, String tokenStem, String term, String termStem) {
        if (token.equals(term)) {
            return 1;
        }
        boolean numeric = Character.isDigit(token.charAt(0));
        if (!numeric && tokenStem.equals(termStem)) {
            return STEM_QUALITY;
        }
        if (token.length() >= 3 && term.startsWith(token)) {
            return numeric ? 0.9 : 0.75;
        }
        int allowed = editDistanceAllowed(token);
        if (allowed == 0 || Character.isDigit(term.charAt(0))) {
            return 0;
        }
        int distance = EditDistance.atMost(token, term, allowed);
        if (distance > allowed) {
            return 0;
        }
        return distance == 1 ? 0.7 : 0.5;
    }

    /** The typos a token may have: none in codes and short words, one from 4 letters, two from 7. */
    static int editDistanceAllowed(String token) {
        if (Character.isDigit(token.charAt(0)) || token.length() < 4) {
            return 0;
        }
        return token.length() >= 7 ? 2 : 1;
    }

    /**
     * A crude English stem, enough to let "drops", "dropped" and "dropping" meet "drop", and "responding" meet
     * "respond". Codes and short words stay as they are.
     */
    static String stem(String word) {
        if (word.length() < 4 || Character.isDigit(word.charAt(0))) {
            return word;
        }
        String w = word;
        if (w.endsWith("ies") && w.length() > 4) {
            w = w.substring(0, w.length() - 3) + "y";
        } else if (w.endsWith("ing") && w.length() > 5) {
            w = w.substring(0, w.length() - 3);
        } else if (w.endsWith("ed") && w.length() > 4) {
            w = w.substring(0, w.length() - 2);
        } else if (w.endsWith("es") && w.length() > 4 && !w.endsWith("ses")) {
            w = w.substring(0, w.length() - 1);
        } else if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us")) {
            w = w.substring(0, w.length() - 1);
        }
        // "dropped" -> "dropp" -> "drop"; "timeout" stays.
        if (w.length() > 3 && w.charAt(w.length() - 1) == w.charAt(w.length() - 2)
                && !w.endsWith("ll") && !w.endsWith("ss")) {
            w = w.substring(0, w.length() - 1);
        }
        if (w.endsWith("e") && w.length() > 4) {
            w = w.substring(0, w.length() - 1);
        }
        return w;
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

    private static void index(Map<String, Map<Integer, Double>> postings, String text, int doc, double weight) {
        for (String token : tokens(text)) {
            post(postings, token, doc, weight);
        }
    }

    private static void post(Map<String, Map<Integer, Double>> postings, String term, int doc, double weight) {
        postings.computeIfAbsent(term, t -> new HashMap<>()).merge(doc, weight, Math::max);
    }
}
