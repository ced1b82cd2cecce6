package dev.callcodes.benchmarks;

import dev.callcodes.cards.AnswerCards;
import dev.callcodes.cards.Card;
import dev.callcodes.catalog.Catalog;
import dev.callcodes.catalog.explain.Answer;
import dev.callcodes.catalog.explanation.CallCodes;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Time to turn an answer into its Adaptive Card (data building and template expansion), and to explain a chat
 * question. Target: at most 50 microseconds per answer card on the project's 2-core machine.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CardBenchmark {

    private AnswerCards cards;
    private Answer typical;
    private Answer largest;
    private List<Answer> report;

    @Setup
    public void setUp() {
        CallCodes codes = CallCodes.of(Catalog.loadEmbedded());
        cards = new AnswerCards(codes.catalog());
        typical = codes.explain("what is 510559 403").answers().get(0);
        largest = codes.explain("569002 504").answers().get(0);
        report = codes.explain(ExplainBenchmark.paste(40)).answers();
    }

    /** A typical answer card: one entry, five steps (510559 / SIP 403). */
    @Benchmark
    public Card answerCard() {
        return cards.forAnswer(typical);
    }

    /** The largest answer card of the catalog: 569002 / SIP 504 with its seven published variants. */
    @Benchmark
    public Card largestAnswerCard() {
        return cards.forAnswer(largest);
    }

    /** The summary card of a 40-row paste. */
    @Benchmark
    public Card summaryCard() {
        return cards.summary(report);
    }

}
