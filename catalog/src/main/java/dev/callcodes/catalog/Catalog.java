package dev.callcodes.catalog;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The shared catalog: every official entry and every SIP code, with lookups by pair, Microsoft code, SIP code,
 * phrase and id. Immutable and safe to share between threads.
 */
public final class Catalog {

    private final List<CatalogEntry> entries;
    private final Map<String, CatalogEntry> byId = new LinkedHashMap<>();
    private final Map<String, List<CatalogEntry>> byMicrosoftCode = new LinkedHashMap<>();
    private final Map<String, List<CatalogEntry>> byPair = new LinkedHashMap<>();
    private final Map<Integer, List<CatalogEntry>> bySipCode = new TreeMap<>();
    private final Map<String, List<CatalogEntry>> byPhrase = new LinkedHashMap<>();
    private final Map<Integer, SipCodeInfo> sipCodes = new TreeMap<>();
    private final Map<Integer, Q850Cause> q850Causes = new TreeMap<>();
    private final Families families;

    Catalog(List<CatalogEntry> entries, List<SipCodeInfo> sipCodeInfos, List<Q850Cause> causes, Families families) {
        this.families = Objects.requireNonNull(families, "families");
        List<CatalogEntry> sorted = new ArrayList<>(entries);
        // Answers list entries by family rank (families.yaml): the Teams calling pages first, what Teams admins read,
        // then ACS, whose codes overlap but describe another product.
        sorted.sort(Comparator.comparingInt((CatalogEntry e) -> families.rank(e.family())));
        this.entries = List.copyOf(sorted);
        for (CatalogEntry entry : this.entries) {
            if (byId.putIfAbsent(entry.id(), entry) != null) {
                throw new CatalogException("Duplicate catalog id: " + entry.id());
            }
            if (entry.microsoftCode() != null) {
                add(byMicrosoftCode, entry.microsoftCode(), entry);
            }
            for (int sip : entry.sipCodes()) {
                add(bySipCode, sip, entry);
                add(byPair, pairKey(entry.microsoftCode(), sip), entry);
            }
            for (PublishedPair published : entry.publishedAs()) {
                String code = published.microsoftCode() != null ? published.microsoftCode() : entry.microsoftCode();
                add(byPair, pairKey(code, published.sipCode()), entry);
            }
            add(byPhrase, Phrases.normalize(entry.phrase()), entry);
            for (PhraseAlias alias : entry.aliases()) {
                add(byPhrase, Phrases.normalize(alias.phrase()), entry);
            }
        }
        for (SipCodeInfo info : sipCodeInfos) {
            if (sipCodes.putIfAbsent(info.code(), info) != null) {
                throw new CatalogException("Duplicate SIP code in sip-codes.yaml: " + info.code());
            }
        }
        for (Q850Cause cause : causes) {
            if (q850Causes.putIfAbsent(cause.cause(), cause) != null) {
                throw new CatalogException("Duplicate cause in q850-causes.yaml: " + cause.cause());
            }
        }
    }

    /** The catalog shipped inside this library. Fails fast, naming the file and field, if the data is malformed. */
    public static Catalog loadEmbedded() {
        return CatalogLoader.loadEmbedded();
    }

    /**
     * The catalog in a folder laid out like the embedded one: {@code files.txt} listing every file, families.yaml
     * among them. A new family is data only: its line in families.yaml, its file in files.txt, its entries.
     */
    public static Catalog load(Path folder) {
        return CatalogLoader.load(CatalogLoader.folder(folder));
    }

    /** A catalog of the given data without families (cards show family ids), for tests and tools. */
    public static Catalog of(List<CatalogEntry> entries, List<SipCodeInfo> sipCodes) {
        return new Catalog(entries, sipCodes, List.of(), Families.NONE);
    }

    /** A catalog of the given data with Q.850 causes, for tests and tools. */
    public static Catalog of(List<CatalogEntry> entries, List<SipCodeInfo> sipCodes, List<Q850Cause> causes) {
        return new Catalog(entries, sipCodes, causes, Families.NONE);
    }

    public List<CatalogEntry> entries() {
        return entries;
    }

    public Optional<CatalogEntry> entry(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Entries for the pair, including pairs an official table prints by mistake (see {@link PublishedPair}). */
    public List<CatalogEntry> byPair(String microsoftCode, int sipCode) {
        return byPair.getOrDefault(pairKey(microsoftCode, sipCode), List.of());
    }

    public List<CatalogEntry> byMicrosoftCode(String microsoftCode) {
        return byMicrosoftCode.getOrDefault(microsoftCode, List.of());
    }

    public List<CatalogEntry> bySipCode(int sipCode) {
        return bySipCode.getOrDefault(sipCode, List.of());
    }

    /** Entries whose official phrase or one of its aliases equals the text, after {@link Phrases#normalize}. */
    public List<CatalogEntry> byPhrase(String phrase) {
        return byPhrase.getOrDefault(Phrases.normalize(phrase), List.of());
    }

    /** Every distinct normalized official phrase and alias, for finding phrases inside pasted text. */
    public Set<String> normalizedPhrases() {
        return Collections.unmodifiableSet(byPhrase.keySet());
    }

    public boolean knowsMicrosoftCode(String microsoftCode) {
        return byMicrosoftCode.containsKey(microsoftCode);
    }

    public Optional<SipCodeInfo> sipCode(int code) {
        return Optional.ofNullable(sipCodes.get(code));
    }

    public List<SipCodeInfo> sipCodes() {
        return List.copyOf(sipCodes.values());
    }

    /** The Q.850 cause value (a Reason header's cause=, ACS Q850Details.Code), if the catalog explains it. */
    public Optional<Q850Cause> q850Cause(int cause) {
        return Optional.ofNullable(q850Causes.get(cause));
    }

    /** Every Q.850 cause the catalog explains, by cause value. */
    public List<Q850Cause> q850Causes() {
        return List.copyOf(q850Causes.values());
    }

    /** The families and products of this catalog's families.yaml: labels, ranks, applicability. */
    public Families families() {
        return families;
    }

    private static String pairKey(String microsoftCode, int sipCode) {
        return (microsoftCode == null ? "-" : microsoftCode) + "|" + sipCode;
    }

    private static <K> void add(Map<K, List<CatalogEntry>> index, K key, CatalogEntry entry) {
        List<CatalogEntry> list = index.computeIfAbsent(key, k -> new ArrayList<>());
        if (!list.contains(entry)) {
            list.add(entry);
        }
    }
}
