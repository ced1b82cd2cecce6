package dev.callcodes.catalog;

import dev.callcodes.catalog.explain.Answer;
import dev.callcodes.catalog.explanation.CallCodes;
import dev.callcodes.catalog.search.CatalogSearch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A family is data: added to a copy of the embedded catalog, it is found, ranked and labelled without Java changes. */
class NewFamilyTest {

    @TempDir
    Path dir;

    @Test
    void aNewFamilyIsFoundWithItsLabelAndListedAtItsRank() {
        Catalog catalog = NewFamilyCatalog.load(dir);

        assertThat(catalog.entry(NewFamilyCatalog.ENTRY)).hasValueSatisfying(e -> {
            assertThat(e.family()).isEqualTo(NewFamilyCatalog.FAMILY);
            assertThat(e.appliesTo()).as("the family's applicability").containsExactly("OPERATOR_CONNECT");
        });
        assertThat(catalog.families().label(NewFamilyCatalog.FAMILY)).isEqualTo(NewFamilyCatalog.LABEL);
        assertThat(catalog.families().rank(NewFamilyCatalog.FAMILY)).isEqualTo(NewFamilyCatalog.RANK);
        assertThat(catalog.entries()).hasSize(TestCatalog.get().entries().size() + 1);
        assertThat(catalog.entries().get(catalog.entries().size() - 1).id()).isEqualTo(NewFamilyCatalog.ENTRY);

        CallCodes codes = CallCodes.of(catalog);
        Answer pair = codes.explain("511404 404").answers().get(0);
        assertThat(pair.entries()).extracting(CatalogEntry::family)
                .containsExactly("direct-routing", "acs-pstn", NewFamilyCatalog.FAMILY);
        Answer phrase = codes.explain(NewFamilyCatalog.PHRASE).answers().get(0);
        assertThat(phrase.entries()).extracting(CatalogEntry::id).containsExactly(NewFamilyCatalog.ENTRY);
        assertThat(new CatalogSearch(catalog).search("test carrier route dialed number", 3))
                .first().satisfies(hit -> assertThat(hit.entry().id()).isEqualTo(NewFamilyCatalog.ENTRY));
    }

    @Test
    void theEmbeddedCatalogDoesNotKnowTheNewFamily() {
        assertThat(TestCatalog.get().entry(NewFamilyCatalog.ENTRY)).isEmpty();
        assertThat(TestCatalog.get().families().family(NewFamilyCatalog.FAMILY)).isEmpty();
        assertThat(TestCatalog.get().byPair("511404", 404)).extracting(CatalogEntry::family)
                .containsExactly("direct-routing", "acs-pstn");
    }

    @Test
    void anEntryFileOfAFamilyNotInTheFoldersFamiliesFileStopsLoadingNamingIt() throws Exception {
        Path folder = dir.resolve("catalog");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("files.txt"), "families.yaml\nother.yaml\n");
        Files.writeString(folder.resolve("families.yaml"), """
                families:
                  - {id: one, label: "One family", rank: 1, appliesTo: [DIRECT_ROUTING]}
                products:
                  - {id: DIRECT_ROUTING, label: Direct Routing}
                """);
        Files.writeString(folder.resolve("other.yaml"), """
                family: two
                entries:
                  - {id: two-1, microsoftCode: "999999", sipCodes: [404], phrase: "P", summary: "S", cause: "C"}
                """);
        assertThatThrownBy(() -> Catalog.load(folder)).isInstanceOf(CatalogException.class)
                .hasMessageContaining("other.yaml").hasMessageContaining("'two'").hasMessageContaining("families.yaml");
    }

    @Test
    void aFolderWhoseFileListLeavesOutFamiliesStopsLoadingNamingTheFile() throws Exception {
        Path folder = dir.resolve("catalog");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("files.txt"), "sip-codes.yaml\n");
        assertThatThrownBy(() -> Catalog.load(folder)).isInstanceOf(CatalogException.class)
                .hasMessage("files.txt does not list families.yaml");
    }
}
