package dev.callcodes.watch.calls;

import java.time.Instant;
import java.util.function.Consumer;

/** Where call records come from: Graph, or the demo generator. */
public interface CallSource {

    /**
     * Hands every call that started in [from, to) to {@code sink}, page by page, and says how much was read. May
     * return a call more than once (pages overlap between polls; Graph may repeat a row): the caller deduplicates.
     */
    ReadResult read(Instant from, Instant to, Consumer<CallRow> sink) throws SourceException;

    /** What a read saw: pages fetched, rows handed on, rows that could not be read (with the first reason). */
    record ReadResult(int pages, long rows, long unreadable, String firstProblem, int retries) {
    }
}
