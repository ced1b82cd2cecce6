package dev.callcodes.bot.cli;

import dev.callcodes.catalog.Catalog;
import dev.callcodes.catalog.radar.Docs;
import dev.callcodes.catalog.radar.Radar;
import dev.callcodes.catalog.radar.RadarOutput;
import dev.callcodes.catalog.radar.RadarReport;
import dev.callcodes.catalog.radar.RadarSource;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code radar (--docs DIR | --fetch) [--json]}: Microsoft's markdown sources in DIR (each repository's files under
 * its name), or read from the repositories' raw files on GitHub, against the catalog. Exit code 0 when nothing differs, {@link CommandLine#DIFFERENCES} when something does, so a
 * scheduled job can act on it.
 */
final class RadarCommand implements CommandLine.Command {

    /** Per connection and per file: a scheduled job must end, and GitHub answers a raw file in well under this. */
    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(30);

    private final Supplier<Catalog> catalog;

    RadarCommand() {
        this(() -> Engines.codes().catalog());
    }

    RadarCommand(Supplier<Catalog> catalog) {
        this.catalog = catalog;
    }

    @Override
    public void run(String[] args, InputStream in, PrintStream out) throws UsageException, InputException {
        Options options = Options.parse(args, Set.of("--json", "--fetch"), Set.of("--docs"));
        if (!options.words().isEmpty()) {
            throw new UsageException("unexpected '" + options.words().get(0) + "'; use radar --docs DIR [--json]");
        }
        String folder = options.value("--docs");
        if (folder != null && options.has("--fetch")) {
            throw new UsageException("give --docs DIR or --fetch, not both");
        }
        if ((folder == null || folder.isBlank()) && !options.has("--fetch")) {
            throw new UsageException("give the folder of Microsoft's docs: radar --docs DIR (or --fetch to read them"
                    + " from GitHub)");
        }
        Docs docs = options.has("--fetch") ? Docs.http(RadarSource.repositories(), FETCH_TIMEOUT) : folder(folder);
        RadarReport report;
        try {
            report = new Radar(catalog.get()).scan(docs);
        } catch (UncheckedIOException e) {
            throw new InputException((options.has("--fetch") ? "--fetch: " : "--docs: ") + e.getMessage());
        }
        out.print(options.has("--json") ? RadarOutput.json(report) + "\n" : RadarOutput.text(report));
        if (report.hasDifferences()) {
            throw new CommandLine.DifferencesFound();
        }
    }

    private static Docs folder(String folder) throws InputException {
        Path root;
        try {
            root = Path.of(folder);
        } catch (InvalidPathException e) {
            throw new InputException("--docs: '" + folder + "' is not a path");
        }
        if (!Files.isDirectory(root)) {
            throw new InputException("--docs: '" + folder + "' is not a folder");
        }
        return Docs.folder(root);
    }
}
