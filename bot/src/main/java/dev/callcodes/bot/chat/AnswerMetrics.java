package dev.callcodes.bot.chat;

import dev.callcodes.catalog.explain.Answer;
import dev.callcodes.catalog.explain.Match;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What operators watch: answers by match kind, codes the catalog does not know (the cue to add entries), latency
 * and errors, each tagged with the surface that served it (chat, extension, insert, action, card, api, local):
 * {@code extension} counts the answers a search listed, {@code insert} the one picked from the list.
 */
public final class AnswerMetrics {

    private final MeterRegistry registry;

    public AnswerMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * Runs {@code work}, timing it and counting the answers it gave. A failure escapes uncounted here; whoever
     * catches it reports it through {@link Failures}.
     */
    public <T> T timed(String surface, Supplier<T> work, Function<T, List<Answer>> answersOf) {
        Timer.Sample sample = Timer.start(registry);
        T result = work.get();
        sample.stop(Timer.builder("callcodes.latency").description("Time to answer, from request to reply")
                .tag("surface", surface).publishPercentileHistogram()
                .register(registry));
        answered(surface, answersOf.apply(result));
        return result;
    }

    private void answered(String surface, List<Answer> answers) {
        for (Answer answer : answers) {
            Counter.builder("callcodes.answers").description("Answers given, by how they were found")
                    .tag("surface", surface).tag("match", answer.match().name())
                    .register(registry).increment();
            if (answer.match() == Match.UNKNOWN || answer.match() == Match.DERIVED) {
                Counter.builder("callcodes.unknown.codes").description("Codes found that the catalog does not list")
                        .tag("surface", surface)
                        .register(registry).increment();
            }
        }
    }

    public void failed(String surface) {
        Counter.builder("callcodes.errors").description("Requests that failed on the bot's side")
                .tag("surface", surface)
                .register(registry).increment();
    }

}
