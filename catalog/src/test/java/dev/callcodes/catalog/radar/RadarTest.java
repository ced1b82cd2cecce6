package dev.callcodes.catalog.radar;

import dev.callcodes.catalog.Catalog;
import dev.callcodes.catalog.CatalogEntry;
import dev.callcodes.catalog.Originator;
import dev.callcodes.catalog.TestCatalog;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The radar on two stored revisions of real Microsoft pages (test resources radar/older and radar/newer; radar/README.md
 * says where each comes from): the Direct Routing SIP 504 page and index before and after the late-2024 batch of new
 * pairs, and the ACS PSTN codes include before and after it replaced the misprinted 60486 by 540486 and 560486.
 */
class RadarTest {

    private static final String DR_504 = "SupportArticles-docs/Teams/phone-system/direct-routing/microsoft-sip-response-codes-504.md";
    private static final String PSTN = "azure-docs/articles/communication-services/resources/troubleshooting/voice-video-calling/includes/codes/pstn.md";

    private static final String GRAPH = "microsoft-graph-docs-contrib/api-reference/v1.0/api/call-delete.md";

    private final Catalog catalog = TestCatalog.get();

    @Test
    void theNewerRevisionsMatchTheCatalog() {
        RadarReport report = new Radar(catalog).scan(docs("newer"));

        assertThat(report.checked()).contains(DR_504, PSTN, GRAPH);
        assertThat(report.findings()).as(RadarOutput.text(report)).isEmpty();
        assertThat(report.hasDifferences()).isFalse();
        // Pages the index links to but the folder lacks are listed, never reported as removals.
        assertThat(report.notChecked()).contains(
                "SupportArticles-docs/Teams/phone-system/direct-routing/microsoft-sip-response-codes-403.md");
        assertThat(report.notChecked()).doesNotContain(GRAPH);
    }

    @Test
    void anOlderCatalogLearnsEveryRealChangeFromTheNewerRevisions() {
        Catalog older = catalogOf(docs("older"));

        RadarReport report = new Radar(older).scan(docs("newer"));

        assertThat(summary(report)).containsExactlyInAnyOrder(
                "NEW_PAGE -/400", "NEW_PAGE -/402", "NEW_PAGE -/420",
                "NEW_PAIR 549018/504", "NEW_PAIR 569015/504", "NEW_PAIR 569016/504", "NEW_PAIR 569018/504",
                "NEW_PAIR 540486/486", "NEW_PAIR 560486/486",
                "REMOVED_PAIR 60486/486");
        assertThat(report.of(Finding.Kind.NEW_PAIR)).filteredOn(f -> f.microsoftCode().equals("569015"))
                .singleElement().satisfies(f -> {
                    assertThat(f.published().phrase()).isEqualTo("Unable to deliver INVITE: No such host is known");
                    assertThat(f.page()).isEqualTo(DR_504);
                    assertThat(f.published().line()).isEqualTo(127);
                });
    }

    @Test
    void theCatalogAgainstTheOlderRevisionsReportsWhatTheyLackAsRemovedAndTheMisprintAsNew() {
        RadarReport report = new Radar(catalog).scan(docs("older"));

        assertThat(summary(report)).containsExactlyInAnyOrder(
                "REMOVED_PAIR 549018/504", "REMOVED_PAIR 569015/504", "REMOVED_PAIR 569016/504",
                "REMOVED_PAIR 569018/504",
                "NEW_PAIR 60486/486", "REMOVED_PAIR 540486/486", "REMOVED_PAIR 560486/486");
    }

    @Test
    void aRewordedPhraseAndAPairMovedToAnotherSipCodeAreReportedAsSuch() {
        List<CatalogEntry> entries = new ArrayList<>(catalogOf(docs("newer")).entries());
        entries.replaceAll(e -> switch (Objects.toString(e.microsoftCode(), "")) {
            case "569015" -> copy(e, 504, "Unable to deliver INVITE: The host name is unknown");
            case "569016" -> copy(e, 503, e.phrase());
            default -> e;
        });

        RadarReport report = new Radar(Catalog.of(entries, List.of())).scan(docs("newer"));

        assertThat(summary(report)).containsExactlyInAnyOrder("REWORDED 569015/504", "MOVED 569016/504");
        Finding reworded = report.of(Finding.Kind.REWORDED).get(0);
        assertThat(reworded.catalogPhrase()).isEqualTo("Unable to deliver INVITE: The host name is unknown");
        assertThat(reworded.published().phrase()).isEqualTo("Unable to deliver INVITE: No such host is known");
        assertThat(report.of(Finding.Kind.MOVED).get(0).catalogSip()).isEqualTo(503);
    }

    @Test
    void aFolderWithoutTheSourcesChecksNothingAndReportsNothing() {
        RadarReport report = new Radar(catalog).scan(docs("none-such"));

        assertThat(report.checked()).isEmpty();
        assertThat(report.findings()).isEmpty();
        assertThat(report.notChecked()).contains(PSTN);
    }

    @Test
    void theTextAndJsonNameEveryFinding() {
        RadarReport report = new Radar(catalogOf(docs("older"))).scan(docs("newer"));

        String text = RadarOutput.text(report);
        assertThat(text).contains("New pairs (6):", "549018 / SIP 504  \"Unable to deliver INVITE: Invalid Request/Response line\"",
                "Removed pairs (1):", "New pages (3):", "Not checked (absent from the docs folder):");
        assertThat(RadarOutput.json(report)).contains("\"kind\" : \"NEW_PAIR\"", "\"microsoftCode\" : \"569016\"",
                "\"differences\" : 10");
    }

    @Test
    void draftsForTheNewPairsAreCatalogFilesWithTheOfficialPhraseAndPage() throws Exception {
        RadarReport report = new Radar(catalogOf(docs("older"))).scan(docs("newer"));

        Map<String, String> files = RadarDrafts.files(report);

        assertThat(files).containsOnlyKeys("drafts-direct-routing.yaml", "drafts-acs-pstn.yaml");
        var yaml = new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());
        com.networknt.schema.JsonSchema schema;
        try (var in = java.nio.file.Files.newInputStream(Path.of("src/main/resources/catalog/schema/entries.schema.json"))) {
            schema = com.networknt.schema.JsonSchemaFactory.getInstance(com.networknt.schema.SpecVersion.VersionFlag.V202012)
                    .getSchema(in);
        }
        for (String text : files.values()) {
            assertThat(schema.validate(yaml.readTree(text))).as(text).isEmpty();
        }
        var dr = yaml.readTree(files.get("drafts-direct-routing.yaml"));
        assertThat(dr.path("family").asText()).isEqualTo("direct-routing");
        assertThat(dr.path("entries")).hasSize(4);
        var first = dr.path("entries").get(0);
        assertThat(first.path("id").asText()).isEqualTo("draft-direct-routing-549018-504");
        assertThat(first.path("microsoftCode").asText()).isEqualTo("549018");
        assertThat(first.path("phrase").asText()).isEqualTo("Unable to deliver INVITE: Invalid Request/Response line");
        assertThat(first.path("summary").asText()).startsWith(RadarDrafts.NOT_YET_EXPLAINED);
        assertThat(first.path("sources").get(0).asText()).isEqualTo(
                "https://learn.microsoft.com/en-us/microsoftteams/troubleshoot/phone-system/direct-routing/microsoft-sip-response-codes-504");
        assertThat(yaml.readTree(files.get("drafts-acs-pstn.yaml")).path("entries")).extracting(e -> e.path("id").asText())
                .containsExactly("draft-acs-pstn-540486-486", "draft-acs-pstn-560486-486");
        assertThat(RadarDrafts.files(new Radar(catalog).scan(docs("newer")))).isEmpty();
    }

    /**
     * A catalog of what the given revisions publish, as the catalog would have held it then: the stored pages' rows,
     * and for the pages not stored (linked from the index, or a table source), today's entries of those pages.
     */
    private static Catalog catalogOf(Docs docs) {
        List<CatalogEntry> entries = new ArrayList<>();
        for (RadarSource source : RadarSource.embedded()) {
            if (source.perSipPages()) {
                var linked = MarkdownCodes.linkedSipPages(docs.read(source.repo(), source.index()).orElse(""),
                        source.filePrefix());
                for (int sip = 100; sip < 700; sip++) {
                    int code = sip;
                    docs.read(source.repo(), source.path(sip)).ifPresentOrElse(text -> MarkdownCodes.headings(text, "")
                            .forEach(r -> entries.add(entry(source.family(), r, source.url(code), entries.size()))),
                            () -> {
                                if (linked.contains(code)) {
                                    TestCatalog.get().entries().stream()
                                            .filter(e -> e.family().equals(source.family()))
                                            .filter(e -> e.sources().contains(source.url(code))).forEach(entries::add);
                                }
                            });
                }
            } else {
                docs.read(source.repo(), source.path()).ifPresentOrElse(text -> MarkdownCodes.tables(text, "")
                        .forEach(r -> entries.add(entry(source.family(), r, source.url(), entries.size()))),
                        () -> TestCatalog.get().entries().stream().filter(e -> e.family().equals(source.family()))
                                .forEach(entries::add));
            }
        }
        return Catalog.of(entries, List.of());
    }

    private static CatalogEntry entry(String family, PublishedRow r, String url, int n) {
        return new CatalogEntry("t-" + n, family, r.microsoftCode(), r.sipCode() == null ? List.of() : List.of(r.sipCode()),
                r.phrase(), "summary", "cause", List.of("step"), Originator.byRule(r.microsoftCode()), null, List.of("X"),
                List.of(url), List.of(), List.of(), List.of(), List.of(), Map.of(), List.of());
    }

    private static CatalogEntry copy(CatalogEntry e, int sip, String phrase) {
        return new CatalogEntry(e.id(), e.family(), e.microsoftCode(), List.of(sip), phrase, e.summary(), e.cause(),
                e.steps(), e.originator(), e.originatorNote(), e.appliesTo(), e.sources(), e.related(), e.sourceNotes(),
                e.publishedAs(), e.aliases(), e.context(), e.symptoms());
    }

    private static List<String> summary(RadarReport report) {
        return report.findings().stream().map(f -> f.kind() + " " + Objects.toString(f.microsoftCode(), "-") + "/"
                + f.sipCode()).toList();
    }

    private static Docs docs(String revision) {
        try {
            Path root = Path.of(RadarTest.class.getClassLoader().getResource("radar").toURI()).resolve(revision);
            return Docs.folder(root);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
