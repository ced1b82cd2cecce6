package dev.callcodes.bot.cli;

import dev.callcodes.store.ConflictException;
import dev.callcodes.store.Document;
import dev.callcodes.store.DocumentStore;
import dev.callcodes.store.Entry;
import dev.callcodes.store.StoreException;
import dev.callcodes.store.StoreSettings;
import dev.callcodes.store.embedded.FileDocumentStore;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * {@code store copy --from-dir PATH}: copies every live document of an embedded store's folder into the store the
 * environment names (Blob Storage, when moving an install to several instances). Documents keep their expiry; a
 * document already in the target is left as it is and counted.
 */
final class StoreCommand implements CommandLine.Command {

    /** The command's words and options: parsing and help both read them. */
    static final CommandSpec SPEC = new CommandSpec("store", "copy", """
            Copies an embedded store's documents into the store CALLCODES_STORE names.""", List.of(
            CommandSpec.Option.valued("--from-dir", "PATH", "the embedded store's folder (required)")));

    private static final int LISTED = 10;

    private final UnaryOperator<String> env;

    StoreCommand() {
        this(System::getenv);
    }

    StoreCommand(UnaryOperator<String> env) {
        this.env = env;
    }

    @Override
    public void run(String[] args, InputStream in, PrintStream out) throws UsageException {
        Options options = Options.parse(args, SPEC);
        if (!options.words().equals(List.of("copy")) || options.value("--from-dir") == null) {
            throw new UsageException("use 'store copy --from-dir PATH' (into the store CALLCODES_STORE names)");
        }
        Path from = Path.of(options.value("--from-dir"));
        if (!Files.isDirectory(from)) {
            throw new UsageException("--from-dir: " + from + " is not a folder");
        }
        StoreSettings target = StoreAccess.settings(env);
        if (target.kind() == StoreSettings.Kind.EMBEDDED && sameFolder(from, target.dataDir())) {
            throw new UsageException("--from-dir is the folder " + StoreSettings.DATA_DIR + " names: set "
                    + StoreSettings.STORE + "=azure-blob (or another " + StoreSettings.DATA_DIR + ") for the target");
        }
        try (DocumentStore source = FileDocumentStore.open(from, Clock.systemUTC());
             DocumentStore destination = StoreAccess.open(target)) {
            copy(source, destination, out);
        } catch (StoreException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static void copy(DocumentStore source, DocumentStore destination, PrintStream out) {
        int copied = 0;
        int same = 0;
        List<String> different = new ArrayList<>();
        for (Entry entry : (Iterable<Entry>) source.entries("")::iterator) {
            Optional<Document> document = source.read(entry.key());
            if (document.isEmpty()) {
                continue; // expired since the listing
            }
            try {
                destination.create(entry.key(), document.get().content(), document.get().expiry());
                copied++;
            } catch (ConflictException exists) {
                boolean equal = destination.read(entry.key())
                        .map(d -> Arrays.equals(d.content(), document.get().content())).orElse(false);
                if (equal) {
                    same++;
                } else {
                    different.add(entry.key());
                }
            }
        }
        out.printf("copied %d documents from %s to %s; %d were already there, %d differ there and were left as they"
                + " are%n", copied, source.describe(), destination.describe(), same, different.size());
        different.stream().limit(LISTED).forEach(key -> out.println("  differs: " + key));
        if (different.size() > LISTED) {
            out.println("  ... and " + (different.size() - LISTED) + " more");
        }
    }

    private static boolean sameFolder(Path a, Path b) {
        try {
            return Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }
}
