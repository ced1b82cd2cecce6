package dev.callcodes.bot.cli;

import dev.callcodes.store.ConflictRetry;
import dev.callcodes.store.DocumentStore;
import dev.callcodes.store.StoreException;
import dev.callcodes.team.notes.Author;
import dev.callcodes.team.notes.NoteEditors;
import dev.callcodes.team.notes.NotesFile;
import dev.callcodes.team.notes.TeamNotes;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * {@code notes export [--tenant ID] [--file PATH]} and {@code notes import [--file PATH] [--as NAME]}: team notes
 * as YAML, in and out of the store the environment names, so a team can keep them in a repository.
 */
final class NotesCommand implements CommandLine.Command {

    /** The command's words and options: parsing and help both read them. */
    static final CommandSpec SPEC = new CommandSpec("notes", "export|import", """
            Team notes as YAML, out of and into the store CALLCODES_STORE names (standard output/input
            without --file); an import adds new notes and makes changed texts new versions.""", List.of(
            CommandSpec.Option.valued("--tenant", "ID", "export: only this tenant's notes"),
            CommandSpec.Option.valued("--file", "PATH", "the YAML file to write (export) or read (import)"),
            CommandSpec.Option.valued("--as", "NAME", "import: whom the imported versions are by")));

    private final UnaryOperator<String> env;

    NotesCommand() {
        this(System::getenv);
    }

    NotesCommand(UnaryOperator<String> env) {
        this.env = env;
    }

    @Override
    public void run(String[] args, InputStream in, PrintStream out) throws UsageException, InputException {
        Options options = Options.parse(args, SPEC);
        List<String> words = options.words();
        String action = words.isEmpty() ? "" : words.get(0);
        if (words.size() > 1 || !(action.equals("export") || action.equals("import"))) {
            throw new UsageException("use 'notes export [--tenant ID] [--file PATH]' or"
                    + " 'notes import [--file PATH] [--as NAME]'");
        }
        try (DocumentStore store = StoreAccess.open(StoreAccess.settings(env))) {
            TeamNotes notes = new TeamNotes(store, NoteEditors.everyone(), Clock.systemUTC(), ConflictRetry.DEFAULT);
            if (action.equals("export")) {
                export(notes, options.value("--tenant"), options.value("--file"), out);
            } else {
                importNotes(notes, options.value("--file"), options.value("--as"), in, out);
            }
        } catch (StoreException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static void export(TeamNotes notes, String tenant, String file, PrintStream out) throws UsageException {
        List<String> tenants;
        try {
            tenants = tenant == null ? notes.tenants() : List.of(dev.callcodes.team.Tenants.key(tenant));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--tenant: " + e.getMessage());
        }
        List<TeamNotes.PairNote> all = tenants.stream().flatMap(notes::all).toList();
        String yaml = NotesFile.write(all);
        if (file == null) {
            out.print(yaml);
            return;
        }
        try {
            Files.writeString(Path.of(file), yaml, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw new UsageException("--file: could not write " + file + ": " + e.getMessage());
        }
        out.println("exported " + all.size() + " notes of " + tenants.size() + " tenants to " + file);
    }

    private static void importNotes(TeamNotes notes, String file, String as, InputStream in, PrintStream out)
            throws InputException {
        NotesFile.Read read;
        try (Reader reader = file == null ? new InputStreamReader(in, StandardCharsets.UTF_8)
                : Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
            read = NotesFile.read(reader);
        } catch (IOException | RuntimeException e) {
            throw new InputException((file == null ? "standard input" : file) + ": " + e.getMessage());
        }
        Author importer = new Author("", as == null ? "notes import" : as);
        Map<TeamNotes.Imported, Integer> outcomes = new EnumMap<>(TeamNotes.Imported.class);
        for (NotesFile.FileNote note : read.notes()) {
            outcomes.merge(notes.importNote(note.tenantId(), note.pair(), note.note(), importer), 1, Integer::sum);
        }
        out.printf("imported %d notes: %d added, %d updated, %d unchanged%n", read.notes().size(),
                outcomes.getOrDefault(TeamNotes.Imported.ADDED, 0), outcomes.getOrDefault(TeamNotes.Imported.UPDATED, 0),
                outcomes.getOrDefault(TeamNotes.Imported.UNCHANGED, 0));
        if (!read.problems().isEmpty()) {
            out.println("not imported: " + read.problems().size());
            read.problems().forEach(problem -> out.println("  " + problem));
        }
    }
}
