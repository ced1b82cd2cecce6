package dev.callcodes.bot.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.callcodes.cards.AnswerCards;
import dev.callcodes.catalog.explain.AnswerJson;
import dev.callcodes.catalog.explanation.CallCodes;
import dev.callcodes.catalog.explanation.Explanation;
import dev.callcodes.catalog.explanation.ExplanationJson;
import dev.callcodes.catalog.intake.ReadingBudget;
import dev.callcodes.catalog.report.ReportInput;
import dev.callcodes.catalog.report.ReportInputException;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/** {@code explain [--json | --card] [--lines] [--file PATH] [TEXT...]}. */
final class ExplainCommand implements CommandLine.Command {

    /** The command's words and options: parsing and help both read them. */
    static final CommandSpec SPEC = new CommandSpec("explain", "[TEXT...]", """
            Explains the codes in TEXT, in the file PATH (CSV, TSV, JSON or a .zip of them), or in standard
            input when neither is given (for multi-line pastes).""", List.of(
            CommandSpec.Option.flag("--json", "print {\"answers\": [...]} instead of text"),
            CommandSpec.Option.flag("--card", "print the Adaptive Card(s) the bot would send, as a JSON array (not"
                    + " with --json)"),
            CommandSpec.Option.flag("--lines", "treat each input line as its own query; print one JSON value per"
                    + " line"),
            CommandSpec.Option.valued("--file", "PATH", "read the text from PATH instead of TEXT or standard"
                    + " input")));

    /** A terminal user may summarize a whole year: the limit only stops runaway input. */
    static final long MAX_INPUT_BYTES = 2L << 30;

    private final Supplier<CallCodes> codes;
    private final Supplier<AnswerCards> cards;

    ExplainCommand() {
        this(Engines::codes, Engines::cards);
    }

    ExplainCommand(Supplier<CallCodes> codes, Supplier<AnswerCards> cards) {
        this.codes = codes;
        this.cards = cards;
    }

    @Override
    public void run(String[] args, InputStream in, PrintStream out) throws UsageException, InputException {
        Options options = Options.parse(args, SPEC);
        if (options.has("--card") && options.has("--json")) {
            throw new UsageException("use --card or --json, not both");
        }
        String file = options.value("--file");
        if (file != null && !options.words().isEmpty()) {
            throw new UsageException("give TEXT or --file, not both");
        }
        if (options.has("--lines")) {
            String text = options.words().isEmpty() ? readAll(file, in) : String.join(" ", options.words());
            // One output line per input line, blank ones included, so results line up with the input.
            for (String line : text.split("\\r?\\n", -1)) {
                Explanation explanation = codes.get().explain(line);
                out.println(AnswerJson.compact(options.has("--card") ? cards(explanation)
                        : AnswerJson.answers(explanation.answers())));
            }
            return;
        }
        Explanation explanation;
        if (options.words().isEmpty()) {
            explanation = explainInput(file, in);
        } else {
            try {
                explanation = codes.get().explain(String.join(" ", options.words()));
            } catch (UncheckedIOException e) {
                throw new InputException("the text: part of it could not be read (" + kind(e) + ")");
            }
        }
        if (options.has("--card")) {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            cards.get().forExplanation(explanation).forEach(card -> array.add(card.content()));
            out.println(AnswerJson.pretty(array));
        } else if (options.has("--json")) {
            out.println(AnswerJson.pretty(ExplanationJson.of(explanation)));
        } else {
            out.println(explanation.report()
                    .map(TextReport::report)
                    .orElseGet(() -> TextReport.answers(explanation.answers())));
        }
    }

    /** The Adaptive Card(s) the bot sends for this explanation, as a JSON array. */
    private ArrayNode cards(Explanation explanation) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        cards.get().forExplanation(explanation).forEach(card -> array.add(card.content()));
        return array;
    }

    /**
     * Standard input or the file, streamed: an export of any size is summarized without loading it whole. A file
     * is a report from its first record; standard input is read like any text.
     */
    private Explanation explainInput(String file, InputStream stdin) throws InputException {
        String source = file == null ? "standard input" : file;
        try (InputStream raw = file == null ? stdin : open(file);
             Reader text = ReportInput.open(raw, MAX_INPUT_BYTES)) {
            return file == null ? codes.get().explain(text, ReadingBudget.unlimited())
                    : codes.get().explainReport(text, ReadingBudget.unlimited());
        } catch (ReportInputException e) {
            throw new InputException(source + ": " + e.getMessage());
        } catch (IOException | UncheckedIOException e) {
            // The reader's own exceptions (cut-off JSON, a raw control character) mean the content, not the disk.
            throw new InputException(source + ": part of it could not be read (" + kind(e) + "). Fix that part,"
                    + " or export the report again");
        }
    }

    private static String readAll(String file, InputStream in) throws InputException {
        try (InputStream raw = file == null ? in : open(file)) {
            String text = new String(raw.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            return text.endsWith("\n") ? text.substring(0, text.length() - (text.endsWith("\r\n") ? 2 : 1)) : text;
        } catch (IOException e) {
            throw new InputException((file == null ? "standard input" : file) + ": could not be read (" + kind(e)
                    + ")");
        }
    }

    /** Opens a file to read, or says in one line why it cannot be. */
    private static InputStream open(String file) throws InputException {
        Path path;
        try {
            path = Path.of(file);
        } catch (java.nio.file.InvalidPathException e) {
            throw new InputException("not a file name: " + file);
        }
        if (Files.isDirectory(path)) {
            throw new InputException(file + " is a folder: give a file inside it");
        }
        try {
            return Files.newInputStream(path);
        } catch (NoSuchFileException e) {
            throw new InputException("no such file: " + file);
        } catch (java.nio.file.AccessDeniedException e) {
            throw new InputException(file + ": permission denied");
        } catch (IOException e) {
            throw new InputException(file + ": could not be opened (" + kind(e) + ")");
        }
    }

    private static String kind(Exception e) {
        Throwable cause = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
        return cause.getClass().getSimpleName();
    }
}
