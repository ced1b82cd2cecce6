package dev.callcodes.catalog.search;

import dev.callcodes.catalog.TestCatalog;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogSearchTest {

    private final CatalogSearch search = new CatalogSearch(TestCatalog.get());

    private List<String> ids(String query, int limit) {
        return search.search(query, limit).stream().map(h -> h.entry().id()).toList();
    }

    @Test
    void typosStillFindTheExpiredCertificateEntry() {
        assertThat(ids("certifcate expird", 3).get(0)).isEqualTo("dr-569008-504");
    }

    @Test
    void aPhraseRanksItsEntryFirst() {
        assertThat(ids("no viable path", 5).get(0)).isEqualTo("dr-510559-403");
    }

    @Test
    void aMicrosoftCodeFindsItsEntriesFirst() {
        assertThat(ids("560403", 3)).allMatch(id -> id.contains("560403"));
    }

    @Test
    void aPartlyTypedCodeFindsTheCodesItStarts() {
        assertThat(search.search("5105", 20)).isNotEmpty()
                .allMatch(h -> h.entry().microsoftCode() != null && h.entry().microsoftCode().startsWith("5105"));
    }

    @Test
    void partlyTypedWordsMatchAsPrefixes() {
        assertThat(ids("trunk conf", 5)).contains("dr-510532-403-notrunk");
    }

    @Test
    void resultsAreBestFirstAndLimited() {
        List<CatalogSearch.Hit> hits = search.search("busy", 4);
        assertThat(hits).hasSize(4);
        assertThat(hits).isSortedAccordingTo((a, b) -> Double.compare(b.score(), a.score()));
    }

    @Test
    void nothingMatchesNonsenseOrEmptyQueries() {
        assertThat(search.search("zzqxv wvvkq", 10)).isEmpty();
        assertThat(search.search("  ", 10)).isEmpty();
        assertThat(search.search("the of and", 10)).isEmpty();
        assertThat(search.search("busy", 0)).isEmpty();
    }

    @Test
    void shortWordsAllowOneTypoAndLongWordsTwo() {
        assertThat(CatalogSearch.quality("trunc", "trunk")).isPositive();
        assertThat(CatalogSearch.quality("zzqxv", "call")).isZero();
        assertThat(CatalogSearch.quality("certifcat", "certificate")).isPositive();
        assertThat(CatalogSearch.quality("crtfcate", "certificate")).isZero();
    }

    @Test
    void symptomsFindTheEntryAnAdminDescribes() {
        assertThat(ids("calls drop after 30 seconds", 1)).containsExactly("dr-1106-408");
        assertThat(ids("one way audio", 3)).contains("dr-531004-410");
    }

    @Test
    void wordFormsAndSynonymsMatch() {
        assertThat(CatalogSearch.stem("dropped")).isEqualTo(CatalogSearch.stem("drops")).isEqualTo("drop");
        assertThat(CatalogSearch.stem("responding")).isEqualTo(CatalogSearch.stem("respond"));
        assertThat(CatalogSearch.stem("510559")).isEqualTo("510559");
        assertThat(CatalogSearch.quality("expired", "expires")).isPositive();
        // "disconnected" is only in a synonym group with "drop"; the ACK entry says "drop".
        assertThat(ids("calls disconnected after 30 seconds", 3)).contains("dr-1106-408");
    }

    @Test
    void synonymGroupsAreReadByStem() {
        var groups = Synonyms.parse(List.of("# comment", "drop, disconnect", "", "sbc, gateway, two words"));
        assertThat(groups.get("drop")).containsExactly("disconnect");
        assertThat(groups.get("gateway")).containsExactly("sbc");
        assertThat(groups).doesNotContainKey("two");
    }

    @Test
    void editDistanceCountsTranspositionsAsOneAndStopsEarly() {
        assertThat(EditDistance.atMost("certifcate", "certificate", 2)).isEqualTo(1);
        assertThat(EditDistance.atMost("expried", "expired", 2)).isEqualTo(1);
        assertThat(EditDistance.atMost("trunk", "gateway", 2)).isEqualTo(3);
    }
}
