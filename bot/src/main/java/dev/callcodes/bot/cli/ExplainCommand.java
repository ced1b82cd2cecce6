package dev.callcodes.bot.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.callcodes.cards.AnswerCards;
import dev.callcodes.catalog.explain.Answer;
import dev.callcodes.catalog.explain.AnswerJson;
import dev.callcodes.catalog.explain.Explainer;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/** {@code explain [--json | --card] [--lines] [TEXT...]}. */
final class ExplainCommand implements CommandLine.Command {

    private final Supplier<Explainer> explainer;
    private final Supplier<AnswerCards> cards;

    ExplainCommand() {
        this(Engines::explainer, Engines::cards);
    }

    ExplainCommand(Supplier<Explainer> explainer, Supplier<AnswerCards> cards) {
        this.explainer = explainer;
        this.cards = cards;
    }

    @Override
    public void run(String[] args, InputStream in, PrintStream out) throws UsageException {
        Options options = Options.parse(args, Set.of("--json", "--lines", "--card"), Set.of());
        if (options.has("--card") && options.has("--json")) {
            throw new UsageException("use --card or --json, not both");
        }
        String text = options.words().isEmpty() ? readAll(in) : String.join(" ", options.words());
        if (options.has("--lines")) {
            // One output line per input line, blank ones included, so results line up with the input.
            for (String line : text.split("\\r?\\n", -1)) {
                List<Answer> answers = explainer.get().explain(line);
                out.println(AnswerJson.compact(options.has("--card") ? cards(answers) : AnswerJson.answers(answers)));
            }
            return;
        }
        List<Answer> answers = explainer.get().explain(text);
        if (options.has("--card")) {
            out.println(AnswerJson.pretty(cards(answers)));
        } else {
            out.println(options.has("--json") ? AnswerJson.pretty(AnswerJson.answers(answers)) : TextReport.answers(answers));
        }
    }

    /** The Adaptive Card(s) the bot sends for these answers, as a JSON array. */
    private ArrayNode cards(List<Answer> answers) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        cards.get().forAnswers(answers).forEach(card -> array.add(card.content()));
        return array;
    }

    private static String readAll(InputStream in) {
        try {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.endsWith("\n") ? text.substring(0, text.length() - (text.endsWith("\r\n") ? 2 : 1)) : text;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read standard input", e);
        }
    }
}
