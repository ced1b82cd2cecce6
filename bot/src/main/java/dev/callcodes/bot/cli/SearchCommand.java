package dev.callcodes.bot.cli;

import dev.callcodes.catalog.CatalogEntry;
import dev.callcodes.catalog.explain.AnswerJson;
import dev.callcodes.catalog.search.CatalogSearch;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.function.Supplier;

/** {@code search [--json] [--limit N] QUERY}. */
final class SearchCommand implements CommandLine.Command {

    /** The command's words and options: parsing and help both read them. */
    static final CommandSpec SPEC = new CommandSpec("search", "QUERY", """
            Searches codes, phrases and explanations (typos are fine).""", List.of(
            CommandSpec.Option.flag("--json", "print {\"results\": [...]} instead of text"),
            CommandSpec.Option.valued("--limit", "N", "at most N results, 1 to 100, default 10")));

    static final int DEFAULT_LIMIT = CatalogSearch.DEFAULT_LIMIT;
    static final int MAX_LIMIT = CatalogSearch.MAX_LIMIT;

    private final Supplier<CatalogSearch> search;

    SearchCommand() {
        this(() -> Engines.codes().search());
    }

    SearchCommand(Supplier<CatalogSearch> search) {
        this.search = search;
    }

    @Override
    public void run(String[] args, InputStream in, PrintStream out) throws UsageException {
        Options options = Options.parse(args, SPEC);
        int limit = limit(options.value("--limit"));
        String query = String.join(" ", options.words()).strip();
        if (query.isEmpty()) {
            throw new UsageException("give a QUERY, e.g. search certificate expired");
        }
        List<CatalogEntry> results = search.get().search(query, limit).stream().map(CatalogSearch.Hit::entry).toList();
        out.println(options.has("--json") ? AnswerJson.pretty(AnswerJson.results(results)) : TextReport.results(results));
    }

    private static int limit(String value) throws UsageException {
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value.strip());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new UsageException("--limit takes a whole number from 1 to " + MAX_LIMIT + ", not '" + value + "'");
    }
}
