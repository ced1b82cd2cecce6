package dev.callcodes.catalog.text;

import dev.callcodes.catalog.Catalog;
import dev.callcodes.catalog.CatalogEntry;
import dev.callcodes.catalog.Phrases;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Finds every code reference in free text, in order of appearance: chat questions ("what is 510559 403"), labelled
 * fields in any casing or language, tables with or without headers, Graph and ACS JSON, HTML rows, SIP traces, Teams
 * mention markup, and official phrases given alone. It never reads codes out of phone numbers, dates, times, IP
 * addresses, ports, GUIDs, hex values, SIP header values or counts. Thread-safe; build once and share.
 */
public final class CodeFinder {

    /** Shorter phrases ("Forbidden", "Conflict") are recognised only when they are the whole line. */
    private static final int MIN_EMBEDDED_PHRASE = 12;

    private final Catalog catalog;
    private final JsonCodes json;
    private final TableCodes tables;
    private final FreeText freeText;
    private final List<String> embeddablePhrases;

    public CodeFinder(Catalog catalog) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        FieldLabels labels = FieldLabels.load();
        this.json = new JsonCodes(labels);
        this.tables = new TableCodes(labels);
        this.freeText = new FreeText(catalog, labels);
        this.embeddablePhrases = catalog.normalizedPhrases().stream()
                .filter(p -> p.length() >= MIN_EMBEDDED_PHRASE && p.indexOf(' ') > 0)
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
    }

    public List<CodeReference> find(String input) {
        if (input == null || input.isBlank()) {
            return List.of();
        }
        String text = Markup.toPlainText(input);
        Optional<List<CodeReference>> fromJson = json.read(text);
        if (fromJson.isPresent()) {
            return fromJson.get();
        }
        String folded = Phrases.foldAll(text);
        List<Line> lines = Line.of(text);
        boolean[] consumed = new boolean[text.length()];

        List<CodeReference> refs = new ArrayList<>(tables.find(text, lines, consumed));
        List<FreeText.LabelledPhrase> labelledPhrases = new ArrayList<>();
        refs.addAll(freeText.find(text, folded, consumed, labelledPhrases));
        refs.sort(Comparator.comparingInt(CodeReference::offset));

        Blocks blocks = new Blocks(text, lines);
        for (FreeText.LabelledPhrase labelled : labelledPhrases) {
            attachLabelledPhrase(refs, blocks, labelled);
        }
        for (CodeReference phraseRef : phrasesInLines(text, lines, consumed, refs, labelledPhrases)) {
            attachOrAdd(refs, blocks, phraseRef);
        }
        refs.sort(Comparator.comparingInt(CodeReference::offset));
        return List.copyOf(refs);
    }

    /** Official phrases in lines that gave no code: a pasted "Final SIP phrase", a Reason header's text. */
    private List<CodeReference> phrasesInLines(String text, List<Line> lines, boolean[] consumed,
                                               List<CodeReference> refs, List<FreeText.LabelledPhrase> labelled) {
        List<CodeReference> found = new ArrayList<>();
        for (Line line : lines) {
            if (line.end() <= line.start() || consumed[line.start()]
                    || refs.stream().anyMatch(r -> line.contains(r.offset()))
                    || labelled.stream().anyMatch(p -> p.start() <= line.end() && p.end() >= line.start())) {
                continue;
            }
            String normalized = Phrases.normalize(text.substring(line.start(), line.end()));
            officialPhraseIn(normalized).ifPresent(key -> found.add(
                    CodeReference.phraseOnly(catalog.byPhrase(key).get(0).phrase(), line.start())));
        }
        return found;
    }

    private Optional<String> officialPhraseIn(String normalizedLine) {
        if (!catalog.byPhrase(normalizedLine).isEmpty()) {
            return Optional.of(normalizedLine);
        }
        return embeddablePhrases.stream().filter(normalizedLine::contains).findFirst();
    }

    /** A labelled phrase belongs to the code reference of the same record (same block), whatever it says. */
    private static void attachLabelledPhrase(List<CodeReference> refs, Blocks blocks, FreeText.LabelledPhrase labelled) {
        Optional<Integer> nearest = nearestInBlock(refs, blocks, labelled.start(), r -> r.hasCode() && r.phrase() == null);
        if (nearest.isPresent()) {
            refs.set(nearest.get(), refs.get(nearest.get()).withPhrase(labelled.phrase()));
        } else {
            refs.add(CodeReference.phraseOnly(labelled.phrase(), labelled.start()));
        }
    }

    /**
     * An official phrase near a code it explains (a SIP status line and its Reason header) completes that reference:
     * it picks the variant and, for a bare SIP code, supplies the Microsoft code.
     */
    private void attachOrAdd(List<CodeReference> refs, Blocks blocks, CodeReference phraseRef) {
        List<CatalogEntry> entries = catalog.byPhrase(phraseRef.phrase());
        Optional<Integer> nearest = nearestInBlock(refs, blocks, phraseRef.offset(),
                r -> r.hasCode() && r.phrase() == null && entries.stream().anyMatch(e -> compatible(r, e)));
        if (nearest.isEmpty()) {
            refs.add(phraseRef);
            return;
        }
        CodeReference ref = refs.get(nearest.get());
        String microsoftCode = ref.microsoftCode();
        if (microsoftCode == null) {
            List<String> codes = entries.stream().filter(e -> compatible(ref, e))
                    .map(CatalogEntry::microsoftCode).filter(Objects::nonNull).distinct().toList();
            microsoftCode = codes.size() == 1 ? codes.get(0) : null;
        }
        refs.set(nearest.get(), new CodeReference(microsoftCode, ref.sipCode(), phraseRef.phrase(), ref.offset()));
    }

    private static boolean compatible(CodeReference ref, CatalogEntry entry) {
        return (ref.microsoftCode() == null || ref.microsoftCode().equals(entry.microsoftCode()))
                && (ref.sipCode() == null || entry.sipCodes().contains(ref.sipCode()));
    }

    private static Optional<Integer> nearestInBlock(List<CodeReference> refs, Blocks blocks, int offset,
                                                    Predicate<CodeReference> eligible) {
        int block = blocks.of(offset);
        Integer best = null;
        for (int i = 0; i < refs.size(); i++) {
            CodeReference r = refs.get(i);
            if (blocks.of(r.offset()) == block && eligible.test(r)
                    && (best == null || Math.abs(r.offset() - offset) < Math.abs(refs.get(best).offset() - offset))) {
                best = i;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Runs of non-blank lines: one SIP message, one record of a vertical layout, one paragraph. */
    private static final class Blocks {
        private final int[] blockOfChar;

        Blocks(String text, List<Line> lines) {
            blockOfChar = new int[text.length() + 1];
            int block = 0;
            for (Line line : lines) {
                if (text.substring(line.start(), line.end()).isBlank()) {
                    block++;
                }
                int lineEnd = Math.min(line.end() + 1, blockOfChar.length);
                for (int i = line.start(); i < lineEnd; i++) {
                    blockOfChar[i] = block;
                }
            }
        }

        int of(int offset) {
            return blockOfChar[Math.min(Math.max(offset, 0), blockOfChar.length - 1)];
        }
    }
}
