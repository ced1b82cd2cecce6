package dev.callcodes.bot.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code radar --docs DIR} as a scheduled job runs it, on the catalog module's stored revisions of real Microsoft
 * pages (catalog/src/test/resources/radar, whose README says where they come from).
 */
class RadarCommandTest {

    private static final Path STORED = Path.of("../catalog/src/test/resources/radar");
    private static final String DR_504 = "SupportArticles-docs/Teams/phone-system/direct-routing/microsoft-sip-response-codes-504.md";

    record Run(int exitCode, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = CommandLine.run(args, new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void todaysPagesMatchTheCatalogAndExitZero() {
        Run run = run("radar", "--docs", STORED.resolve("newer").toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).startsWith("Code radar: 4 pages checked, ").contains(", 0 differences")
                .contains("Not checked (absent from the docs folder):");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void anOlderPageGivesItsDifferencesAndExitFive(@TempDir Path dir) throws IOException {
        copy(STORED.resolve("older"), dir);

        Run text = run("radar", "--docs", dir.toString());
        Run json = run("radar", "--json", "--docs", dir.toString());

        assertThat(text.exitCode()).isEqualTo(CommandLine.DIFFERENCES);
        assertThat(text.out()).contains("Removed pairs (6):", "569015 / SIP 504  \"Unable to deliver INVITE: No such host is known\"",
                "New pairs (1):", "60486 / SIP 486");
        assertThat(json.exitCode()).isEqualTo(CommandLine.DIFFERENCES);
        JsonNode root = new ObjectMapper().readTree(json.out());
        assertThat(root.path("differences").asInt()).isEqualTo(7);
        assertThat(root.path("checked").toString()).contains(DR_504);
        assertThat(text.err()).isEmpty();
    }

    @Test
    void writeDraftsWritesADraftPerNewPairAndNothingWhenNothingIsNew(@TempDir Path dir) throws IOException {
        Path drafts = dir.resolve("drafts");

        Run run = run("radar", "--docs", STORED.resolve("older").toString(), "--write-drafts", drafts.toString());

        // The older pages' one new pair is the misprinted 60486 / 486: its draft is written, in the catalog's format.
        assertThat(run.exitCode()).isEqualTo(CommandLine.DIFFERENCES);
        assertThat(run.out()).endsWith("\nDrafts of the new pairs written to: " + drafts.resolve("drafts-acs-pstn.yaml") + "\n");
        assertThat(Files.readString(drafts.resolve("drafts-acs-pstn.yaml")))
                .contains("family: acs-pstn", "id: draft-acs-pstn-60486-486", "phrase: The called number was busy");
        Run none = run("radar", "--docs", STORED.resolve("newer").toString(), "--write-drafts", dir.resolve("n").toString());
        assertThat(none.exitCode()).isZero();
        try (Stream<Path> files = Files.list(dir.resolve("n"))) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aMissingFolderOrOptionIsOneLineAndItsExitCode() {
        Run missing = run("radar", "--docs", "no/such/folder");
        Run noDocs = run("radar");

        assertThat(missing.exitCode()).isEqualTo(CommandLine.UNREADABLE);
        assertThat(missing.err()).isEqualTo("callcodes radar: --docs: 'no/such/folder' is not a folder\n");
        assertThat(noDocs.exitCode()).isEqualTo(CommandLine.USAGE);
        assertThat(noDocs.err()).contains("radar --docs DIR");
        assertThat(missing.out()).isEmpty();
        Run both = run("radar", "--fetch", "--docs", "x");
        assertThat(both.exitCode()).isEqualTo(CommandLine.USAGE);
        assertThat(both.err()).isEqualTo("callcodes radar: give --docs DIR or --fetch, not both\n");
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(file));
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
    }
}
