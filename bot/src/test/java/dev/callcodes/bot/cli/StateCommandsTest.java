package dev.callcodes.bot.cli;

import dev.callcodes.store.ConflictRetry;
import dev.callcodes.store.Expiry;
import dev.callcodes.store.azure.Azurite;
import dev.callcodes.store.embedded.FileDocumentStore;
import dev.callcodes.team.CodePair;
import dev.callcodes.team.notes.Author;
import dev.callcodes.team.notes.NoteEditors;
import dev.callcodes.team.notes.TeamNotes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code notes export|import} and {@code store copy} on the store the environment names. */
class StateCommandsTest {

    static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    static final CodePair PAIR = new CodePair("560503", 503);

    @TempDir
    Path dir;

    private static String run(CommandLine.Command command, String stdin, String... args)
            throws UsageException, InputException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        command.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    private void addNote(Path data, String text) {
        try (FileDocumentStore store = FileDocumentStore.open(data, Clock.systemUTC())) {
            new TeamNotes(store, NoteEditors.everyone(), Clock.systemUTC(), ConflictRetry.DEFAULT)
                    .add(TENANT, PAIR, new Author("11111111-1111-1111-1111-111111111111", "Ana"), text);
        }
    }

    @Test
    void notesGoOutAsYamlAndComeBackEdited() throws Exception {
        Path data = dir.resolve("data");
        addNote(data, "sbc-lab is the 02:00 maintenance window");
        Map<String, String> env = Map.of("CALLCODES_DATA_DIR", data.toString());
        String yaml = run(new NotesCommand(env::get), "", "export");
        assertThat(yaml).contains("tenant: " + TENANT).contains("microsoftCode: \"560503\"")
                .contains("text: sbc-lab is the 02:00 maintenance window");

        Path file = dir.resolve("notes.yaml");
        Files.writeString(file, yaml.replace("02:00 maintenance window", "02:00 to 03:00 maintenance window")
                + "- tenant: " + TENANT + "\n  microsoftCode: \"560503\"\n  id: new1\n  text: \"\"\n");
        assertThat(run(new NotesCommand(env::get), "", "import", "--file", file.toString(), "--as", "voice-team repo"))
                .isEqualTo("imported 1 notes: 0 added, 1 updated, 0 unchanged\nnot imported: 1\n"
                        + "  note 2 (id new1): The note is empty: write something first\n");
        assertThat(run(new NotesCommand(env::get), yaml, "import"))
                .startsWith("imported 1 notes: 0 added, 1 updated, 0 unchanged");
        assertThat(run(new NotesCommand(env::get), "", "export", "--tenant", TENANT.toUpperCase(), "--file",
                dir.resolve("out.yaml").toString())).isEqualTo("exported 1 notes of 1 tenants to "
                + dir.resolve("out.yaml") + "\n");
        assertThat(Files.readString(dir.resolve("out.yaml"))).contains("revision: 3").contains("name: notes import");
    }

    @Test
    void wrongUseAndBadSettingsAreOneLine() {
        Map<String, String> env = Map.of("CALLCODES_STORE", "cosmos");
        assertThatThrownBy(() -> run(new NotesCommand(env::get), "", "export"))
                .isInstanceOf(UsageException.class).hasMessage("CALLCODES_STORE='cosmos' is not embedded or azure-blob");
        assertThatThrownBy(() -> run(new NotesCommand(env::get), "", "frobnicate")).hasMessageContaining("notes export");
        assertThatThrownBy(() -> run(new StoreCommand(env::get), "", "copy")).hasMessageContaining("--from-dir");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = CommandLine.run(new String[]{"notes", "import", "--file", dir.resolve("missing.yaml").toString()},
                new ByteArrayInputStream(new byte[0]), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(3);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("callcodes notes: ").contains("missing.yaml")
                .doesNotContain("\tat ");
    }

    @Test
    void storeCopyMovesAnEmbeddedInstallToBlobStorage() throws Exception {
        Path data = dir.resolve("data");
        addNote(data, "copied to the cloud");
        try (FileDocumentStore store = FileDocumentStore.open(data, Clock.systemUTC())) {
            store.put("activities/recent", new byte[0], Expiry.after(Duration.ofHours(1), Clock.systemUTC()));
            store.put("activities/old", new byte[0], Expiry.at(Clock.systemUTC().instant().minusSeconds(5)));
        }
        String container = Azurite.newContainerName();
        Map<String, String> env = Map.of("CALLCODES_STORE", "azure-blob", "CALLCODES_BLOB_CONTAINER", container,
                "CALLCODES_BLOB_CONNECTION_STRING", Azurite.get().connectionString());
        String copied = run(new StoreCommand(env::get), "", "copy", "--from-dir", data.toString());
        assertThat(copied).startsWith("copied 2 documents from embedded store in ")
                .contains("to Azure Blob Storage container http://127.0.0.1:").contains(container)
                .contains("; 0 were already there, 0 differ there").doesNotContain("AccountKey");
        assertThat(run(new StoreCommand(env::get), "", "copy", "--from-dir", data.toString()))
                .contains("copied 0 documents").contains("2 were already there");
        assertThat(run(new NotesCommand(env::get), "", "export")).contains("text: copied to the cloud");
        assertThatThrownBy(() -> run(new StoreCommand(Map.of("CALLCODES_DATA_DIR", data.toString())::get), "",
                "copy", "--from-dir", data.toString())).hasMessageContaining("CALLCODES_STORE=azure-blob");
    }
}
