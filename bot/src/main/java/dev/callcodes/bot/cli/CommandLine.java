package dev.callcodes.bot.cli;

import dev.callcodes.catalog.CatalogException;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The {@code explain} and {@code search} commands of the bot jar. Exit codes: 0 done (also when nothing was found),
 * 1 the catalog could not be loaded, 2 wrong usage, 3 an input file (or standard input) could not be read,
 * 4 anything else went wrong (a bug), 5 the radar found differences between Microsoft's pages and the catalog. Every
 * failure is one line on standard error, never a stack trace.
 */
public final class CommandLine {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    static final int UNREADABLE = 3;
    static final int BROKE = 4;
    static final int DIFFERENCES = 5;

    static final String USAGE_TEXT = """
            Usage:
              java -jar callcodes-bot.jar explain [--json | --card] [--lines] [--file PATH] [TEXT...]
                  Explains the codes in TEXT, in the file PATH (CSV, TSV, JSON or a .zip of them), or in standard
                  input when neither is given (for multi-line pastes).
                  --json   print {"answers": [...]} instead of text
                  --card   print the Adaptive Card(s) the bot would send, as a JSON array
                  --lines  treat each input line as its own query; print one JSON value per line
              java -jar callcodes-bot.jar search [--json] [--limit N] QUERY
                  Searches codes, phrases and explanations (typos are fine); N from 1 to 100, default 10.
              java -jar callcodes-bot.jar notes export [--tenant ID] [--file PATH]
              java -jar callcodes-bot.jar notes import [--file PATH] [--as NAME]
                  Team notes as YAML, out of and into the store CALLCODES_STORE names (standard output/input
                  without --file); an import adds new notes and makes changed texts new versions.
              java -jar callcodes-bot.jar store copy --from-dir PATH
                  Copies an embedded store's documents into the store CALLCODES_STORE names.
              java -jar callcodes-bot.jar radar (--docs DIR | --fetch) [--json] [--write-drafts DIR]
                  Compares Microsoft's markdown sources in DIR (each repository under its name), or fetched from
                  GitHub, with the catalog: new, removed, reworded and moved pairs, new pages; pages absent are
                  listed as not checked. --write-drafts writes draft entries for the new pairs.
              java -jar callcodes-bot.jar
                  Starts the bot.
            Exit codes: 0 done, 1 catalog not loaded, 2 wrong usage, 3 input not readable, 4 unexpected failure,
            5 the radar found differences.""";

    private static final Map<String, Supplier<Command>> COMMANDS = Map.of(
            "explain", ExplainCommand::new,
            "search", SearchCommand::new,
            "notes", NotesCommand::new,
            "store", StoreCommand::new,
            "radar", RadarCommand::new,
            "help", HelpCommand::new,
            "--help", HelpCommand::new,
            "-h", HelpCommand::new);

    private CommandLine() {
    }

    /** Whether the arguments name a command-line command (so the web server must not start). */
    public static boolean isCommand(String[] args) {
        return args.length > 0 && COMMANDS.containsKey(args[0]);
    }

    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        if (!isCommand(args)) {
            err.println("callcodes: unknown command" + (args.length > 0 ? " '" + args[0] + "'" : "")
                    + "; use explain, search or help");
            return USAGE;
        }
        Command command = COMMANDS.get(args[0]).get();
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        try {
            command.run(rest, in, out);
            out.flush();
            return OK;
        } catch (DifferencesFound e) {
            out.flush();
            return DIFFERENCES;
        } catch (UsageException e) {
            err.println("callcodes " + args[0] + ": " + e.getMessage());
            return USAGE;
        } catch (InputException e) {
            err.println("callcodes " + args[0] + ": " + e.getMessage());
            return UNREADABLE;
        } catch (CatalogException e) {
            err.println("callcodes: the catalog could not be loaded: " + e.getMessage());
            return FAILED;
        } catch (RuntimeException | Error e) {
            // An Error included: a StackOverflowError an input can cause must not end in a JVM stack dump.
            err.println("callcodes " + args[0] + ": failed unexpectedly (" + e.getClass().getName() + "); this is a"
                    + " bug: please report it with the command you ran");
            return BROKE;
        }
    }

    /** One command of the route table above. */
    interface Command {
        void run(String[] args, InputStream in, PrintStream out) throws UsageException, InputException;
    }

    /**
     * The radar printed differences: not a failure, but a result a scheduled job must see in the exit code. Unchecked
     * so that the other commands' signatures stay as they are; caught before the catch-all for bugs.
     */
    static final class DifferencesFound extends RuntimeException {
        DifferencesFound() {
            super("differences found", null, false, false);
        }
    }

    static final class HelpCommand implements Command {
        @Override
        public void run(String[] args, InputStream in, PrintStream out) {
            out.println(USAGE_TEXT);
        }
    }
}
