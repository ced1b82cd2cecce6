package dev.callcodes.bot.cli;

import dev.callcodes.catalog.Catalog;
import dev.callcodes.catalog.radar.Docs;
import dev.callcodes.catalog.radar.Radar;
import dev.callcodes.catalog.radar.RadarOutput;
import dev.callcodes.catalog.radar.RadarReport;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code radar --docs DIR [--json]}: Microsoft's markdown sources in DIR (each repository's files under its name)
 * against the catalog. Exit code 0 when nothing differs, {@link CommandLine#DIFFERENCES} when something does, so a
 * scheduled job can act on it.
 */
final class RadarCommand implements CommandLine.Command {

    private final Supplier<Catalog> catalog;

    RadarCommand() {
        this(() -> Engines.codes().catalog());
    }

    RadarCommand(Supplier<Catalog> catalog) {
        this.catalog = catalog;
    }

    @Override
    public void run(String[] args, InputStream in, PrintStream out) throws UsageException, InputException {
        Options options = Options.parse(args, Set.of("--json"), Set.of("--docs"));
        if (!options.words().isEmpty()) {
            throw new UsageException("unexpected '" + options.words().get(0) + "'; use radar --docs DIR [--json]");
        }
        String docs = options.value("--docs");
        if (docs == null || docs.isBlank()) {
            throw new UsageException("give the folder of Microsoft's docs: radar --docs DIR (see README, Code radar)");
        }
        Path root;
        try {
            root = Path.of(docs);
        } catch (InvalidPathException e) {
            throw new InputException("--docs: '" + docs + "' is not a path");
        }
        if (!Files.isDirectory(root)) {
            throw new InputException("--docs: '" + docs + "' is not a folder");
        }
        RadarReport report;
        try {
            report = new Radar(catalog.get()).scan(Docs.folder(root));
        } catch (UncheckedIOException e) {
            throw new InputException("--docs: " + e.getMessage());
        }
        out.print(options.has("--json") ? RadarOutput.json(report) + "\n" : RadarOutput.text(report));
        if (report.hasDifferences()) {
            throw new CommandLine.DifferencesFound();
        }
    }
}
