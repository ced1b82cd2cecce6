package dev.callcodes.bot.chat;

import dev.callcodes.catalog.explain.Answer;
import dev.callcodes.catalog.explain.Match;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What operators watch: answers by match kind, codes the catalog does not know (the cue to add entries), latency
 * and errors, each tagged with the surface that served it (chat, extension, insert, action, card, api, local):
 * {@code extension} counts the answers a search listed, {@code insert} the one picked from the list.
 */
public final class AnswerMetrics {

    private final MeterRegistry registry;
    /**
     * The meters of each surface, built on first use: building and registering a meter on every request (a
     * registry lookup, tags sorted and hashed, a histogram's configuration) cost more than the timing itself.
     */
    private final Map<String, SurfaceMeters> surfaces = new ConcurrentHashMap<>();

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
        SurfaceMeters meters = meters(surface);
        sample.stop(meters.latency);
        answered(meters, answersOf.apply(result));
        return result;
    }

    private SurfaceMeters meters(String surface) {
        return surfaces.computeIfAbsent(surface, s -> new SurfaceMeters(registry, s));
    }

    private static void answered(SurfaceMeters meters, List<Answer> answers) {
        for (Answer answer : answers) {
            meters.answers(answer.match()).increment();
            if (answer.match() == Match.UNKNOWN || answer.match() == Match.DERIVED) {
                meters.unknown().increment();
            }
        }
    }

    /**
     * One surface's meters. Counters are registered when first counted, as before, so a match kind never seen does
     * not show as a zero; registering is idempotent, so two threads racing to it get the same counter.
     */
    private static final class SurfaceMeters {

        private final MeterRegistry registry;
        private final String surface;
        private final Timer latency;
        private final Map<Match, Counter> answers = new ConcurrentHashMap<>();
        private volatile Counter unknown;

        SurfaceMeters(MeterRegistry registry, String surface) {
            this.registry = registry;
            this.surface = surface;
            latency = Timer.builder("callcodes.latency").description("Time to answer, from request to reply")
                    .tag("surface", surface).publishPercentileHistogram()
                    .register(registry);
        }

        Counter answers(Match match) {
            return answers.computeIfAbsent(match, m -> Counter.builder("callcodes.answers")
                    .description("Answers given, by how they were found")
                    .tag("surface", surface).tag("match", m.name())
                    .register(registry));
        }

        Counter unknown() {
            Counter counter = unknown;
            if (counter == null) {
                counter = Counter.builder("callcodes.unknown.codes")
                        .description("Codes found that the catalog does not list")
                        .tag("surface", surface)
                        .register(registry);
                unknown = counter;
            }
            return counter;
        }
    }

    public void failed(String surface) {
        Counter.builder("callcodes.errors").description("Requests that failed on the bot's side")
                .tag("surface", surface)
                .register(registry).increment();
    }

}
