package dev.callcodes.bot.cli;

import dev.callcodes.catalog.Catalog;
import dev.callcodes.catalog.radar.Docs;
import dev.callcodes.catalog.radar.Radar;
import dev.callcodes.catalog.radar.RadarDrafts;
import dev.callcodes.catalog.radar.RadarOutput;
import dev.callcodes.catalog.radar.RadarReport;
import dev.callcodes.catalog.radar.RadarSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code radar (--docs DIR | --fetch) [--json] [--write-drafts DIR]}: Microsoft's markdown sources in DIR (each repository's files under
 * its name), or read from the repositories' raw files on GitHub, against the catalog. Exit code 0 when nothing differs, {@link CommandLine#DIFFERENCES} when something does, so a
 * scheduled job can act on it.
 */
final class RadarCommand implements CommandLine.Command {

    /** The command's words and options: parsing and help both read them. */
    static final CommandSpec SPEC = new CommandSpec("radar", "", """
            Compares Microsoft's markdown sources with the catalog: new, removed, reworded and moved pairs,
            new pages; pages absent are listed as not checked.""", List.of(
            CommandSpec.Option.valued("--docs", "DIR", "the sources in DIR, each repository under its name"),
            CommandSpec.Option.flag("--fetch", "fetch the sources from GitHub instead (not with --docs)"),
            CommandSpec.Option.flag("--json", "print the differences as JSON"),
            CommandSpec.Option.valued("--write-drafts", "DIR", "write draft entries for the new pairs into DIR")));

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
        Options options = Options.parse(args, SPEC);
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
        String drafts = options.value("--write-drafts");
        if (drafts != null) {
            String written = writeDrafts(drafts, RadarDrafts.files(report));
            if (!options.has("--json")) {
                out.print(written);
            }
        }
        if (report.hasDifferences()) {
            throw new CommandLine.DifferencesFound();
        }
    }

    /** The draft files into the folder (created when missing); a line saying what was written, for the text report. */
    private static String writeDrafts(String folder, Map<String, String> files) throws InputException {
        try {
            Path dir = Path.of(folder);
            Files.createDirectories(dir);
            StringBuilder written = new StringBuilder();
            for (Map.Entry<String, String> file : files.entrySet()) {
                Path path = dir.resolve(file.getKey());
                Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
                written.append(written.length() == 0 ? "\nDrafts of the new pairs written to: " : ", ").append(path);
            }
            return written.length() == 0 ? "" : written.append("\n").toString();
        } catch (IOException | InvalidPathException e) {
            throw new InputException("--write-drafts: cannot write to '" + folder + "' (" + e.getClass().getSimpleName()
                    + ")");
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
