package dev.callcodes.bot.cli;

import dev.callcodes.catalog.CatalogException;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
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

    private static final String PROGRAM = "java -jar callcodes-bot.jar";

    /** A command's declaration and the command. */
    private record Entry(CommandSpec spec, Supplier<Command> command) {
    }

    /**
     * The commands, initialized on first use: the bot's own start asks {@link #isCommand} with no arguments, and
     * loading every command class and its declarations then showed on the start's main thread.
     */
    private static final class Table {

        /** Every command, in the order help lists them. */
        static final List<Entry> ENTRIES = List.of(
                new Entry(ExplainCommand.SPEC, ExplainCommand::new),
                new Entry(SearchCommand.SPEC, SearchCommand::new),
                new Entry(NotesCommand.SPEC, NotesCommand::new),
                new Entry(StoreCommand.SPEC, StoreCommand::new),
                new Entry(RadarCommand.SPEC, RadarCommand::new));

        static final Map<String, Supplier<Command>> COMMANDS = commands();

        /** The help text, made from the declarations: every command and every option of it. */
        static final String USAGE_TEXT = usage();

        private static Map<String, Supplier<Command>> commands() {
            Map<String, Supplier<Command>> commands = new HashMap<>();
            ENTRIES.forEach(entry -> commands.put(entry.spec().name(), entry.command()));
            for (String help : List.of("help", "--help", "-h")) {
                commands.put(help, HelpCommand::new);
            }
            return commands;
        }

        private static String usage() {
            StringBuilder text = new StringBuilder("Usage:\n");
            ENTRIES.forEach(entry -> text.append(entry.spec().help(PROGRAM)));
            return text.append("  ").append(PROGRAM).append(" help\n")
                    .append("      Prints this text.\n")
                    .append("  ").append(PROGRAM).append('\n')
                    .append("      Starts the bot.\n")
                    .append("Exit codes: 0 done, 1 catalog not loaded, 2 wrong usage, 3 input not readable, 4"
                            + " unexpected failure,\n5 the radar found differences.").toString();
        }
    }

    /** The declarations, for a test that holds help to them. */
    static List<CommandSpec> specs() {
        return Table.ENTRIES.stream().map(Entry::spec).toList();
    }

    static String usageText() {
        return Table.USAGE_TEXT;
    }

    private CommandLine() {
    }

    /** Whether the arguments name a command-line command (so the web server must not start). */
    public static boolean isCommand(String[] args) {
        return args.length > 0 && Table.COMMANDS.containsKey(args[0]);
    }

    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        if (!isCommand(args)) {
            err.println("callcodes: unknown command" + (args.length > 0 ? " '" + args[0] + "'" : "")
                    + "; see 'help'");
            return USAGE;
        }
        Command command = Table.COMMANDS.get(args[0]).get();
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
            out.println(usageText());
        }
    }
}
