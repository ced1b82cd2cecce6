package dev.callcodes.bot.cli;

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

/** {@code explain [--json] [--lines] [TEXT...]}. */
final class ExplainCommand implements CommandLine.Command {

    private final Supplier<Explainer> explainer;

    ExplainCommand() {
        this(Engines::explainer);
    }

    ExplainCommand(Supplier<Explainer> explainer) {
        this.explainer = explainer;
    }

    @Override
    public void run(String[] args, InputStream in, PrintStream out) throws UsageException {
        Options options = Options.parse(args, Set.of("--json", "--lines"), Set.of());
        String text = options.words().isEmpty() ? readAll(in) : String.join(" ", options.words());
        if (options.has("--lines")) {
            // One output line per input line, blank ones included, so results line up with the input.
            for (String line : text.split("\r?\n", -1)) {
                out.println(AnswerJson.compact(AnswerJson.answers(explainer.get().explain(line))));
            }
            return;
        }
        List<Answer> answers = explainer.get().explain(text);
        out.println(options.has("--json") ? AnswerJson.pretty(AnswerJson.answers(answers)) : TextReport.answers(answers));
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
