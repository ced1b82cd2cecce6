package dev.callcodes.benchmarks.stack;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The top frames of a JFR recording inside a time window, summarized for reading, not for tools: CPU samples
 * (jdk.ExecutionSample) by what is on the stack, by top frame, by CallCodes line, and by who calls Jackson; sampled
 * allocations (jdk.ObjectAllocationSample) by CallCodes line and by class; garbage collections.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.callcodes.benchmarks.stack.JfrTop FILE.jfr [FROM TO]</pre>
 * (FROM and TO are ISO instants; without them the whole recording).
 */
public final class JfrTop {

    private static final int TOP = 15;
    private static final Locale NUMBERS = Locale.US;

    /** What kind of work a frame is, in the order they are listed. */
    private static final List<Map.Entry<String, String[]>> CATEGORIES = List.of(
            Map.entry("CallCodes catalog (parse, explain, search)", new String[] {"dev.callcodes.catalog."}),
            Map.entry("CallCodes cards (templates, expansion)", new String[] {"dev.callcodes.cards."}),
            Map.entry("CallCodes bot", new String[] {"dev.callcodes.bot."}),
            Map.entry("Jackson serialization (writeValue, serializers)", new String[] {"#jackson-write"}),
            Map.entry("Jackson tree conversion (valueToTree, convertValue)", new String[] {"#jackson-tree"}),
            Map.entry("Jackson deserialization (readValue, deserializers)", new String[] {"#jackson-read"}),
            Map.entry("Bot Framework builder (adapter, turn, handler)", new String[] {"com.microsoft.bot.builder."}),
            Map.entry("Bot Framework connector, Retrofit, OkHttp, Okio (replies)", new String[] {
                    "com.microsoft.bot.connector.", "com.microsoft.bot.restclient.", "retrofit2.", "okhttp3.",
                    "okio."}),
            Map.entry("Tomcat", new String[] {"org.apache.catalina.", "org.apache.coyote.", "org.apache.tomcat."}),
            Map.entry("Spring MVC", new String[] {"org.springframework.web."}),
            Map.entry("logging (Logback, SLF4J)", new String[] {"ch.qos.logback.", "org.slf4j."}),
            Map.entry("metrics (Micrometer), all", new String[] {"io.micrometer."}),
            Map.entry("metrics (Micrometer) called by AnswerMetrics", new String[] {"#micrometer-answer-metrics"}),
            Map.entry("regular expressions", new String[] {"java.util.regex."}));

    /**
     * CallCodes frames that only pass the request on (the servlet filter, the controller, the turn guard): framework
     * work above them is not theirs, so "the nearest CallCodes line" skips them and says so.
     */
    private static final List<String> PASS_THROUGH = List.of(
            "dev.callcodes.bot.api.BodyLimitFilter.doFilterInternal",
            "dev.callcodes.bot.teams.MessagesController.incoming",
            "dev.callcodes.bot.teams.MessagesController$$Lambda",
            "dev.callcodes.bot.teams.CallCodesBot.onTurn");

    private JfrTop() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1 && args.length != 3) {
            System.err.println("usage: JfrTop FILE.jfr [FROM TO]  (ISO instants, e.g. 2025-01-01T10:00:00Z)");
            System.exit(2);
        }
        Instant from = args.length == 3 ? Instant.parse(args[1]) : Instant.MIN;
        Instant to = args.length == 3 ? Instant.parse(args[2]) : Instant.MAX;
        print(Path.of(args[0]), from, to, 0, System.out);
    }

    /** Prints the summary of events between {@code from} and {@code to}; {@code requests} served then, if known. */
    static void print(Path recording, Instant from, Instant to, long requests, PrintStream out) throws IOException {
        Summary summary = new Summary();
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                Instant at = event.getStartTime();
                if (at.isBefore(from) || at.isAfter(to)) {
                    continue;
                }
                switch (event.getEventType().getName()) {
                    case "jdk.ExecutionSample" -> summary.sample(event.getStackTrace());
                    case "jdk.ObjectAllocationSample" -> summary.allocation(event);
                    case "jdk.GarbageCollection" -> summary.collection(event);
                    default -> { }
                }
            }
        }
        summary.print(out, from.equals(Instant.MIN) ? Double.NaN : Duration.between(from, to).toMillis() / 1000.0,
                requests);
    }

    private static final class Summary {
        long samples;
        final Map<String, Long> categories = new HashMap<>();
        final Map<String, Long> self = new HashMap<>();
        final Map<String, Long> selfFromOwnLine = new HashMap<>();
        final Map<String, Long> ownLines = new HashMap<>();
        final Map<String, Long> jacksonWriteCallers = new HashMap<>();
        final Map<String, Long> jacksonTreeCallers = new HashMap<>();
        long allocationBytes;
        final Map<String, Long> allocationByOwnLine = new HashMap<>();
        final Map<String, Long> allocationByClass = new HashMap<>();
        final Map<String, Long> allocationByTop = new HashMap<>();
        long collections;
        Duration collectionTime = Duration.ZERO;

        void sample(RecordedStackTrace stack) {
            if (stack == null || stack.getFrames().isEmpty()) {
                return;
            }
            samples++;
            List<RecordedFrame> frames = stack.getFrames();
            add(self, method(frames.get(0)), 1);
            add(selfFromOwnLine, method(frames.get(0)) + "  <-  " + nearestOwnLine(frames), 1);
            Set<String> seenCategories = new LinkedHashSet<>();
            Set<String> seenLines = new LinkedHashSet<>();
            for (RecordedFrame frame : frames) {
                String type = type(frame);
                String method = frame.getMethod().getName();
                for (Map.Entry<String, String[]> category : CATEGORIES) {
                    if (matches(category.getValue(), type, method)) {
                        seenCategories.add(category.getKey());
                    }
                }
                if (type.startsWith("dev.callcodes.")) {
                    seenLines.add(line(frame));
                }
            }
            if (calledFrom(frames, "io.micrometer.", "dev.callcodes.bot.chat.AnswerMetrics")) {
                seenCategories.add("metrics (Micrometer) called by AnswerMetrics");
            }
            seenCategories.forEach(c -> add(categories, c, 1));
            seenLines.forEach(l -> add(ownLines, l, 1));
            callerOf(frames, "#jackson-write").ifPresent(c -> add(jacksonWriteCallers, c, 1));
            callerOf(frames, "#jackson-tree").ifPresent(c -> add(jacksonTreeCallers, c, 1));
        }

        void allocation(RecordedEvent event) {
            long weight = event.getLong("weight");
            allocationBytes += weight;
            add(allocationByClass, event.getClass("objectClass").getName(), weight);
            RecordedStackTrace stack = event.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty()) {
                return;
            }
            add(allocationByTop, method(stack.getFrames().get(0)) + "  <-  " + nearestOwnLine(stack.getFrames()),
                    weight);
            add(allocationByOwnLine, nearestOwnLine(stack.getFrames()), weight);
        }

        void collection(RecordedEvent event) {
            collections++;
            collectionTime = collectionTime.plus(event.getDuration("sumOfPauses"));
        }

        void print(PrintStream out, double seconds, long requests) {
            out.printf(NUMBERS, "%,d CPU samples (jdk.ExecutionSample)%s; %s; %d garbage collections, %d ms of"
                            + " pauses%n", samples,
                    requests > 0 ? String.format(NUMBERS, ", %.2f per 100 requests", samples * 100.0 / requests) : "",
                    Double.isNaN(seconds) ? String.format(NUMBERS, "%,.0f MB allocated (sampled estimate)",
                            allocationBytes / 1e6)
                            : String.format(NUMBERS, "about %,.0f MB/s allocated%s", allocationBytes / 1e6 / seconds,
                            requests > 0 ? String.format(NUMBERS, ", %,.0f KB per request",
                                    allocationBytes / 1e3 / requests) : ""),
                    collections, collectionTime.toMillis());
            table(out, "CPU samples by what is on the stack (a sample counts once in each kind it holds)",
                    categories, samples, CATEGORIES.size());
            table(out, "Top frames (self: the method running when sampled)", self, samples, TOP);
            table(out, "Top frames with the nearest CallCodes line below them", selfFromOwnLine, samples, TOP);
            table(out, "CallCodes lines on the stack (inclusive)", ownLines, samples, TOP);
            table(out, "Who calls Jackson serialization (the frame below the outermost Jackson write)",
                    jacksonWriteCallers, samples, 8);
            table(out, "Who calls Jackson tree conversion (valueToTree, convertValue)", jacksonTreeCallers, samples,
                    8);
            table(out, "Allocation by the nearest CallCodes line (sampled bytes)", allocationByOwnLine,
                    allocationBytes, TOP);
            table(out, "Allocation by class", allocationByClass, allocationBytes, 8);
            table(out, "Allocation by top frame, with the nearest CallCodes line", allocationByTop, allocationBytes,
                    10);
        }

        private static void table(PrintStream out, String title, Map<String, Long> counts, long total, int top) {
            out.printf("  %s:%n", title);
            if (counts.isEmpty() || total == 0) {
                out.println("    (none)");
                return;
            }
            counts.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                            .thenComparing(Map.Entry.comparingByKey()))
                    .limit(top)
                    .forEach(e -> out.printf(NUMBERS, "    %5.1f%%  %s%n", e.getValue() * 100.0 / total, e.getKey()));
        }
    }

    private static boolean matches(String[] patterns, String type, String method) {
        for (String pattern : patterns) {
            boolean hit = switch (pattern) {
                case "#micrometer-answer-metrics" -> false; // decided per stack, in calledFrom
                case "#jackson-write" -> isJackson(type) && (type.contains(".ser.") || method.startsWith("writeValue")
                        || method.startsWith("_writeValue") || method.startsWith("serialize")
                        || type.startsWith("com.fasterxml.jackson.core.json.UTF8JsonGenerator")
                        || type.startsWith("com.fasterxml.jackson.core.json.WriterBasedJsonGenerator"));
                case "#jackson-tree" -> isJackson(type) && (method.equals("valueToTree")
                        || method.equals("convertValue") || method.equals("_convert") || method.equals("treeToValue")
                        || type.contains("TokenBuffer"));
                case "#jackson-read" -> isJackson(type) && (type.contains(".deser.") || method.startsWith("readValue")
                        || method.startsWith("_readMapAndClose") || method.startsWith("readTree")
                        || type.startsWith("com.fasterxml.jackson.core.json.UTF8StreamJsonParser"));
                default -> type.startsWith(pattern);
            };
            if (hit) {
                return true;
            }
        }
        return false;
    }

    private static boolean isJackson(String type) {
        return type.startsWith("com.fasterxml.jackson.");
    }

    /** The first non-Jackson frame below the outermost frame of that kind: who asked for the work. */
    private static java.util.Optional<String> callerOf(List<RecordedFrame> frames, String kind) {
        int outermost = -1;
        for (int i = 0; i < frames.size(); i++) {
            RecordedFrame frame = frames.get(i);
            if (matches(new String[] {kind}, type(frame), frame.getMethod().getName())) {
                outermost = i;
            }
        }
        if (outermost < 0) {
            return java.util.Optional.empty();
        }
        for (int i = outermost + 1; i < frames.size(); i++) {
            if (!isJackson(type(frames.get(i)))) {
                return java.util.Optional.of(line(frames.get(i)));
            }
        }
        return java.util.Optional.of("(thread root)");
    }

    /** Whether the top-most frame of {@code library} is called (through the library) by a frame of {@code caller}. */
    private static boolean calledFrom(List<RecordedFrame> frames, String library, String caller) {
        int i = 0;
        while (i < frames.size() && !type(frames.get(i)).startsWith(library)) {
            i++;
        }
        while (i < frames.size() && type(frames.get(i)).startsWith(library)) {
            i++;
        }
        return i < frames.size() && type(frames.get(i)).startsWith(caller);
    }

    private static String nearestOwnLine(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            if (type(frame).startsWith("dev.callcodes.")) {
                String method = method(frame);
                return PASS_THROUGH.stream().anyMatch(method::startsWith)
                        ? "(framework, under " + line(frame) + ")" : line(frame);
            }
        }
        return "(no CallCodes frame)";
    }

    private static String type(RecordedFrame frame) {
        return frame.getMethod().getType().getName();
    }

    private static String method(RecordedFrame frame) {
        return type(frame) + "." + frame.getMethod().getName();
    }

    private static String line(RecordedFrame frame) {
        int line = frame.getLineNumber();
        return method(frame) + (line > 0 ? ":" + line : "");
    }

    private static void add(Map<String, Long> counts, String key, long by) {
        counts.merge(key, by, Long::sum);
    }
}
