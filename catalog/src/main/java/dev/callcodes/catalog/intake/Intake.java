package dev.callcodes.catalog.intake;

import dev.callcodes.catalog.Catalog;
import dev.callcodes.catalog.CatalogEntry;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The one reader of everything users send: chat questions, pastes, uploaded exports. One streaming pass splits the
 * input into JSON values (Graph pages, ACS logs and events, JSON Lines, SDK errors), table rows (delimited, Markdown
 * and HTML tables, with or without a header, among prose) and blocks of free text (questions, labelled fields,
 * SIP traces), and reports what each holds to an {@link IntakeListener}: references from free text, records from
 * tables and JSON, rows it could not read, lines outside tables, notes. Code references for answers and the tally
 * of a report both come from this pass.
 *
 * <p>Time is linear in the input and memory does not grow with it. Thread-safe; build once and share.
 */
public final class Intake {

    /** A question this short, on one line, is about whatever code-shaped number it holds ("what is 123456"). */
    static final int LOOKUP_CHARS = 160;
    /** Free text is read in blocks; a block that never ends (a log without blank lines) is cut here. */
    static final int MAX_BLOCK_LINES = 256;

    private final Catalog catalog;
    private final FieldLabels labels;
    private final ProseReader prose;
    private final JsonReader json;
    private final PhraseIndex phrases;

    public Intake(Catalog catalog) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.labels = FieldLabels.load();
        this.phrases = PhraseIndex.of(catalog);
        this.prose = new ProseReader(catalog, labels, phrases);
        this.json = new JsonReader(labels);
    }

    public PhraseIndex phrases() {
        return phrases;
    }

    /** Reads text that arrived whole (a chat message, a REST body). */
    public void read(PlainText text, IntakeListener listener, ReadingBudget budget) {
        String t = text.text();
        boolean lookup = t.length() <= LOOKUP_CHARS && t.strip().indexOf('\n') < 0;
        try {
            // A one-line question must not pay for the 64K-char buffer a stream gets (128 KB per message).
            read(new BufferedReader(new StringReader(t), Math.max(1, Math.min(t.length(), LineSource.BUFFER_CHARS))),
                    listener, budget, lookup);
        } catch (IOException e) {
            throw new UncheckedIOException("reading a string cannot fail", e);
        }
    }

    /** Streams a file or standard input of any size; the caller closes the reader. */
    public void read(Reader in, IntakeListener listener, ReadingBudget budget) throws IOException {
        read(in, listener, budget, false);
    }

    private void read(Reader in, IntakeListener listener, ReadingBudget budget, boolean lookup) throws IOException {
        LineSource source = new LineSource(in);
        TableReader table = new TableReader(labels);
        Block block = new Block(listener, lookup);
        long refusedJson = -1;
        int sinceCheck = 0;
        while (true) {
            if (++sinceCheck >= 256) {
                sinceCheck = 0;
                if (budget.exhausted()) {
                    long stoppedAt = source.nextLineNumber();
                    table.end(listener);
                    block.flush();
                    listener.note("Reading stopped at line " + stoppedAt + ": the time one request may take ran out."
                            + " The rest was not read; send it on its own, or as a file.");
                    return;
                }
            }
            long number = source.nextLineNumber();
            String line = source.next(table.inTable());
            if (line == null) {
                break;
            }
            if (line.isBlank()) {
                block.flush();
                continue;
            }
            if (!table.inTable() && number != refusedJson && startsLikeJson(line)) {
                block.flush();
                LineSource.JsonStream stream = source.jsonFrom(line, number);
                JsonReader.Result result = json.read(stream, number, listener);
                switch (result.outcome()) {
                    case READ -> stream.finished(result.rest(), result.linesRead());
                    case NOT_JSON -> {
                        if (stream.rewind()) {
                            refusedJson = number;
                        } else {
                            listener.unreadable(number, "this starts like JSON but is not, and is too long to read"
                                    + " as text; nothing after it was read");
                            source.drain();
                            return;
                        }
                    }
                    case BROKEN -> {
                        long rest = source.drain();
                        if (rest > 0) {
                            listener.note(rest + (rest == 1 ? " line" : " lines") + " after the broken JSON were"
                                    + " not read.");
                        }
                        return;
                    }
                }
                continue;
            }
            if (table.offer(line, number, listener)) {
                block.flush();
                continue;
            }
            block.add(line, number);
            listener.otherLine(number);
        }
        table.end(listener, true);
        block.flush();
    }

    /**
     * A SIP code given with an official phrase: when the phrase names exactly one Microsoft code for that SIP code,
     * the reference gets it, marked as taken from the phrase ("SIP/2.0 403" with the Reason text "Get Outbound
     * routing - No viable path (Forbidden)" is 510559 / 403).
     */
    private CodeReference withCodeFromPhrase(CodeReference ref) {
        if (ref.sipCode() == null || ref.microsoftCode() != null || ref.phrase() == null || ref.isRule()) {
            return ref;
        }
        List<String> codes = phrases.tolerant(ref.phrase()).map(catalog::byPhrase).orElse(List.of()).stream()
                .filter(e -> e.sipCodes().contains(ref.sipCode()))
                .map(CatalogEntry::microsoftCode).filter(Objects::nonNull).distinct().toList();
        return codes.size() == 1 ? ref.withMicrosoftCodeFromPhrase(codes.get(0)) : ref;
    }

    private static boolean startsLikeJson(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (!Character.isWhitespace(c)) {
                return c == '{' || c == '[';
            }
        }
        return false;
    }

    /** Consecutive lines of free text: one SIP message, one record of a vertical layout, one paragraph. */
    private final class Block {
        private final IntakeListener listener;
        private final boolean lookup;
        private final List<String> lines = new ArrayList<>();
        private long firstLine;

        Block(IntakeListener listener, boolean lookup) {
            this.listener = listener;
            this.lookup = lookup;
        }

        void add(String line, long number) {
            if (lines.isEmpty()) {
                firstLine = number;
            }
            lines.add(line);
            if (lines.size() >= MAX_BLOCK_LINES) {
                flush();
            }
        }

        void flush() {
            if (lines.isEmpty()) {
                return;
            }
            for (CodeReference reference : prose.read(lines, firstLine, lookup)) {
                listener.reference(withCodeFromPhrase(reference));
            }
            lines.clear();
        }
    }
}
