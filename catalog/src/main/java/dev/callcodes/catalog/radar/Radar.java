package dev.callcodes.catalog.radar;

import dev.callcodes.catalog.Catalog;
import dev.callcodes.catalog.CatalogEntry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The code radar: reads Microsoft's markdown sources and reports, against the catalog, new pairs, removed pairs,
 * reworded phrases, pairs moved between SIP codes and new pages. A pair matches an entry of the source's family with
 * the same codes whose phrase or one of its aliases equals the published phrase after
 * {@link dev.callcodes.catalog.Phrases#normalize}.
 */
public final class Radar {

    private final Catalog catalog;
    private final List<RadarSource> sources;

    public Radar(Catalog catalog) {
        this(catalog, RadarSource.embedded());
    }

    public Radar(Catalog catalog, List<RadarSource> sources) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.sources = List.copyOf(sources);
    }

    public RadarReport scan(Docs docs) {
        List<Finding> findings = new ArrayList<>();
        List<String> checked = new ArrayList<>();
        List<String> notChecked = new ArrayList<>();
        for (RadarSource source : sources) {
            if (source.perSipPages()) {
                scanSipPages(source, docs, findings, checked, notChecked);
            } else {
                String key = source.repo() + "/" + source.path();
                Optional<String> text = docs.read(source.repo(), source.path());
                if (text.isEmpty()) {
                    notChecked.add(key);
                    continue;
                }
                checked.add(key);
                Set<CatalogEntry> seen = new LinkedHashSet<>();
                compare(source.family(), source.url(), MarkdownCodes.tables(text.get(), key), seen, findings);
                removed(source.family(), key, source.url(), citing(source.family(), source.url()), seen, findings);
            }
        }
        findings.sort(Comparator.comparing(Finding::kind).thenComparing(Finding::page)
                .thenComparingInt(f -> f.published() == null ? 0 : f.published().line())
                .thenComparing(f -> Objects.toString(f.entryId(), "")));
        return new RadarReport(findings, checked, notChecked);
    }

    private void scanSipPages(RadarSource source, Docs docs, List<Finding> findings, List<String> checked,
                              List<String> notChecked) {
        Set<Integer> pages = new TreeSet<>();
        for (String name : docs.list(source.repo(), source.folder())) {
            if (name.startsWith(source.filePrefix()) && name.endsWith(source.fileSuffix())) {
                String code = name.substring(source.filePrefix().length(), name.length() - source.fileSuffix().length());
                if (code.length() == 3 && code.chars().allMatch(Character::isDigit)) {
                    pages.add(Integer.valueOf(code));
                }
            }
        }
        if (source.index() != null) {
            String indexKey = source.repo() + "/" + source.index();
            Optional<String> index = docs.read(source.repo(), source.index());
            if (index.isPresent()) {
                checked.add(indexKey);
                pages.addAll(MarkdownCodes.linkedSipPages(index.get(), source.filePrefix()));
            } else {
                notChecked.add(indexKey);
            }
        }
        for (CatalogEntry e : catalog.entries()) {
            if (e.family().equals(source.family())) {
                e.sipCodes().stream().filter(sip -> e.sources().contains(source.url(sip))).forEach(pages::add);
            }
        }
        Set<CatalogEntry> seen = new LinkedHashSet<>();
        Map<String, List<CatalogEntry>> checkedEntries = new LinkedHashMap<>();
        Map<String, String> urls = new LinkedHashMap<>();
        for (int sip : pages) {
            String key = source.repo() + "/" + source.path(sip);
            List<CatalogEntry> citing = citing(source.family(), source.url(sip));
            if (citing.isEmpty()) {
                // Listed in the folder or linked from the index: a page the catalog has nothing from, read or not.
                findings.add(new Finding(Finding.Kind.NEW_PAGE, source.family(), key, null, null, sip, null, null, null,
                        source.url(sip)));
            }
            Optional<String> text = docs.read(source.repo(), source.path(sip));
            if (text.isEmpty()) {
                notChecked.add(key);
                continue;
            }
            checked.add(key);
            checkedEntries.put(key, citing);
            urls.put(key, source.url(sip));
            compare(source.family(), source.url(sip), MarkdownCodes.headings(text.get(), key), seen, findings);
        }
        // After every page, so that a pair moved to another page is not also reported as removed from its old one.
        checkedEntries.forEach((key, citing) -> removed(source.family(), key, urls.get(key), citing, seen, findings));
    }

    private void compare(String family, String url, List<PublishedRow> rows, Set<CatalogEntry> seen,
                         List<Finding> findings) {
        Map<String, List<PublishedRow>> unmatched = new LinkedHashMap<>();
        for (PublishedRow row : rows) {
            List<CatalogEntry> candidates = candidates(family, row);
            Optional<CatalogEntry> match = candidates.stream().filter(e -> e.hasPhrase(row.phrase())).findFirst();
            if (match.isPresent()) {
                seen.add(match.get());
            } else if (!candidates.isEmpty()) {
                unmatched.computeIfAbsent(row.microsoftCode() + "|" + row.sipCode(), k -> new ArrayList<>()).add(row);
            } else {
                Optional<CatalogEntry> moved = row.microsoftCode() == null || row.sipCode() == null ? Optional.empty()
                        : catalog.byMicrosoftCode(row.microsoftCode()).stream()
                        .filter(e -> e.family().equals(family) && e.hasPhrase(row.phrase()))
                        .findFirst();
                if (moved.isPresent()) {
                    seen.add(moved.get());
                    findings.add(finding(Finding.Kind.MOVED, family, url, row, moved.get()));
                } else {
                    findings.add(finding(Finding.Kind.NEW_PAIR, family, url, row, null));
                }
            }
        }
        // A pair whose phrase matches no entry of that pair: the entries left over were reworded, in page order.
        unmatched.forEach((key, pairRows) -> {
            List<CatalogEntry> left = candidates(family, pairRows.get(0)).stream().filter(e -> !seen.contains(e))
                    .toList();
            for (int i = 0; i < pairRows.size(); i++) {
                if (i < left.size()) {
                    seen.add(left.get(i));
                    findings.add(finding(Finding.Kind.REWORDED, family, url, pairRows.get(i), left.get(i)));
                } else {
                    findings.add(finding(Finding.Kind.NEW_PAIR, family, url, pairRows.get(i), null));
                }
            }
        });
    }

    private void removed(String family, String page, String url, List<CatalogEntry> citing, Set<CatalogEntry> seen,
                         List<Finding> findings) {
        for (CatalogEntry e : citing) {
            if (seen.add(e)) {
                findings.add(new Finding(Finding.Kind.REMOVED_PAIR, family, page, null, e.microsoftCode(),
                        e.sipCodes().isEmpty() ? null : e.sipCodes().get(0), e.id(), e.phrase(), null, url));
            }
        }
    }

    private List<CatalogEntry> candidates(String family, PublishedRow row) {
        if (row.microsoftCode() != null && row.sipCode() != null) {
            return catalog.byPair(row.microsoftCode(), row.sipCode()).stream()
                    .filter(e -> e.family().equals(family)).toList();
        }
        if (row.microsoftCode() != null) {
            return catalog.byMicrosoftCode(row.microsoftCode()).stream()
                    .filter(e -> e.family().equals(family) && e.sipCodes().isEmpty()).toList();
        }
        return catalog.bySipCode(row.sipCode()).stream()
                .filter(e -> e.family().equals(family) && e.microsoftCode() == null).toList();
    }

    private List<CatalogEntry> citing(String family, String url) {
        return catalog.entries().stream().filter(e -> e.family().equals(family) && e.sources().contains(url)).toList();
    }

    private static Finding finding(Finding.Kind kind, String family, String url, PublishedRow row, CatalogEntry entry) {
        Integer catalogSip = kind == Finding.Kind.MOVED && !entry.sipCodes().isEmpty() ? entry.sipCodes().get(0) : null;
        return new Finding(kind, family, row.page(), row, row.microsoftCode(), row.sipCode(),
                entry == null ? null : entry.id(), entry == null ? null : entry.phrase(), catalogSip, url);
    }
}
