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
import java.util.Set;
import java.util.function.Supplier;

/** {@code explain [--json | --card] [--lines] [--file PATH] [TEXT...]}. */
final class ExplainCommand implements CommandLine.Command {

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
    public void run(String[] args, InputStream in, PrintStream out) throws UsageException {
        Options options = Options.parse(args, Set.of("--json", "--lines", "--card"), Set.of("--file"));
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
        Explanation explanation = options.words().isEmpty()
                ? explainInput(file, in) : codes.get().explain(String.join(" ", options.words()));
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
    private Explanation explainInput(String file, InputStream stdin) throws UsageException {
        try (InputStream raw = file == null ? stdin : Files.newInputStream(Path.of(file));
             Reader text = ReportInput.open(raw, MAX_INPUT_BYTES)) {
            return file == null ? codes.get().explain(text, ReadingBudget.unlimited())
                    : codes.get().explainReport(text, ReadingBudget.unlimited());
        } catch (NoSuchFileException e) {
            throw new UsageException("no such file: " + file);
        } catch (ReportInputException e) {
            throw new UsageException((file == null ? "standard input" : file) + ": " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + (file == null ? "standard input" : file), e);
        }
    }

    private static String readAll(String file, InputStream in) throws UsageException {
        try {
            byte[] bytes = file == null ? in.readAllBytes() : Files.readAllBytes(Path.of(file));
            String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
            return text.endsWith("\n") ? text.substring(0, text.length() - (text.endsWith("\r\n") ? 2 : 1)) : text;
        } catch (NoSuchFileException e) {
            throw new UsageException("no such file: " + file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + (file == null ? "standard input" : file), e);
        }
    }
}
