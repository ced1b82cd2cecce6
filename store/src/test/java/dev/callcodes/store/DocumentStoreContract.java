package dev.callcodes.store;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link DocumentStore} promises. Each implementation's test extends this class and says how to open an
 * empty store on a given clock; every test here then runs against it.
 */
public abstract class DocumentStoreContract {

    protected final MutableClock clock = new MutableClock();
    protected DocumentStore store;

    /** An empty store that judges expiry by {@code clock}. Called once per test; closed after it. */
    protected abstract DocumentStore openEmptyStore(MutableClock clock) throws Exception;

    @BeforeEach
    void openStore() throws Exception {
        store = openEmptyStore(clock);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private String text(String key) {
        return new String(store.read(key).orElseThrow().content(), StandardCharsets.UTF_8);
    }

    @Test
    void aMissingDocumentReadsAsEmpty() {
        assertThat(store.read("nothing/here")).isEmpty();
    }

    @Test
    void createThenReadGivesTheBytesAndTheVersion() {
        Version version = store.create("notes/t1/510559-403", bytes("{\"a\":1}"));
        Document document = store.read("notes/t1/510559-403").orElseThrow();
        assertThat(document.key()).isEqualTo("notes/t1/510559-403");
        assertThat(document.content()).isEqualTo(bytes("{\"a\":1}"));
        assertThat(document.version()).isEqualTo(version);
        assertThat(document.expiry()).isEqualTo(Expiry.NEVER);
    }

    @Test
    void binaryEmptyAndLargeContentRoundTrip() {
        byte[] binary = new byte[256];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) i;
        }
        byte[] large = new byte[3 * 1024 * 1024 + 17];
        new Random(7).nextBytes(large);
        store.create("bin/all-bytes", binary);
        store.create("bin/empty", new byte[0]);
        store.create("bin/large", large);
        assertThat(store.read("bin/all-bytes").orElseThrow().content()).isEqualTo(binary);
        assertThat(store.read("bin/empty").orElseThrow().content()).isEmpty();
        assertThat(store.read("bin/large").orElseThrow().content()).isEqualTo(large);
    }

    @Test
    void createIfAbsentRefusesALiveDocument() {
        store.create("k", bytes("first"));
        assertThatThrownBy(() -> store.create("k", bytes("second")))
                .isInstanceOfSatisfying(ConflictException.class, conflict -> {
                    assertThat(conflict.reason()).isEqualTo(ConflictException.Reason.ALREADY_EXISTS);
                    assertThat(conflict.key()).isEqualTo("k");
                });
        assertThat(text("k")).isEqualTo("first");
    }

    @Test
    void replaceIfVersionWritesOnlyOverTheVersionRead() {
        Version first = store.create("k", bytes("one"));
        Version second = store.replace("k", bytes("two"), first);
        assertThat(second).isNotEqualTo(first);
        assertThat(text("k")).isEqualTo("two");
        assertThatThrownBy(() -> store.replace("k", bytes("stale"), first))
                .isInstanceOfSatisfying(ConflictException.class,
                        conflict -> assertThat(conflict.reason()).isEqualTo(ConflictException.Reason.VERSION_CHANGED));
        assertThat(text("k")).isEqualTo("two");
        assertThat(store.read("k").orElseThrow().version()).isEqualTo(second);
    }

    @Test
    void replacingAMissingDocumentIsNotFound() {
        Version version = store.create("k", bytes("one"));
        store.delete("k");
        assertThatThrownBy(() -> store.replace("k", bytes("two"), version))
                .isInstanceOfSatisfying(NotFoundException.class, missing -> assertThat(missing.key()).isEqualTo("k"));
        assertThatThrownBy(() -> store.replace("never/written", bytes("two"), version))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void everyWriteGetsANewVersionEvenWithTheSameBytes() {
        Set<Version> versions = new HashSet<>();
        Version version = store.create("k", bytes("same"));
        versions.add(version);
        for (int i = 0; i < 5; i++) {
            version = store.replace("k", bytes("same"), version);
            versions.add(version);
        }
        versions.add(store.put("k", bytes("same")));
        assertThat(versions).hasSize(7);
    }

    @Test
    void putWritesWhateverIsThere() {
        Version first = store.put("k", bytes("one"));
        Version second = store.put("k", bytes("two"));
        assertThat(second).isNotEqualTo(first);
        assertThat(text("k")).isEqualTo("two");
    }

    @Test
    void deleteIfVersion() {
        Version first = store.create("k", bytes("one"));
        Version second = store.replace("k", bytes("two"), first);
        assertThatThrownBy(() -> store.delete("k", first))
                .isInstanceOfSatisfying(ConflictException.class,
                        conflict -> assertThat(conflict.reason()).isEqualTo(ConflictException.Reason.VERSION_CHANGED));
        assertThat(store.read("k")).isPresent();
        store.delete("k", second);
        assertThat(store.read("k")).isEmpty();
        assertThatThrownBy(() -> store.delete("k", second)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void unconditionalDeleteSaysWhetherThereWasADocument() {
        store.create("k", bytes("one"));
        assertThat(store.delete("k")).isTrue();
        assertThat(store.delete("k")).isFalse();
        assertThat(store.read("k")).isEmpty();
        store.create("k", bytes("again"));
        assertThat(text("k")).isEqualTo("again");
    }

    @Test
    void aDocumentAndDocumentsUnderItsKeyLiveSideBySide() {
        store.create("a", bytes("parent"));
        store.create("a/b", bytes("child"));
        store.create("a/b/c", bytes("grandchild"));
        assertThat(text("a")).isEqualTo("parent");
        assertThat(text("a/b")).isEqualTo("child");
        assertThat(text("a/b/c")).isEqualTo("grandchild");
        assertThat(keys("a")).containsExactly("a", "a/b", "a/b/c");
    }

    @Test
    void listingByPrefixIsInKeyOrderAndMatchesPartialSegments() {
        for (String key : List.of("notes/t2/510559-403", "notes/t1/560403-403", "notes/t1/510559-403",
                "notes/t1/510559-404", "notes/t10/510559-403", "usage/t1/2025-03-10", "notes-old/t1/x")) {
            store.create(key, bytes(key));
        }
        assertThat(keys("notes/t1/")).containsExactly("notes/t1/510559-403", "notes/t1/510559-404",
                "notes/t1/560403-403");
        assertThat(keys("notes/t1/5105")).containsExactly("notes/t1/510559-403", "notes/t1/510559-404");
        assertThat(keys("notes/t1")).containsExactly("notes/t1/510559-403", "notes/t1/510559-404",
                "notes/t1/560403-403", "notes/t10/510559-403");
        assertThat(keys("notes")).hasSize(6);
        assertThat(keys("")).hasSize(7);
        assertThat(keys("nothing/")).isEmpty();
        Entry entry = store.list("usage/", null, 10).entries().get(0);
        assertThat(entry.key()).isEqualTo("usage/t1/2025-03-10");
        assertThat(entry.version()).isEqualTo(store.read("usage/t1/2025-03-10").orElseThrow().version());
    }

    @Test
    void listingPagesThroughEveryDocumentOnce() {
        List<String> written = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            String key = "paged/doc-%03d".formatted(i);
            store.create(key, bytes("x"));
            written.add(key);
        }
        List<String> seen = new ArrayList<>();
        int pages = 0;
        String continuation = null;
        do {
            Page page = store.list("paged/", continuation, 10);
            assertThat(page.entries()).hasSizeLessThanOrEqualTo(10);
            page.entries().forEach(e -> seen.add(e.key()));
            continuation = page.continuation();
            pages++;
        } while (continuation != null && pages < 10);
        assertThat(seen).containsExactlyElementsOf(written);
        assertThat(pages).isBetween(3, 4);
        assertThat(store.entries("paged/").map(Entry::key).toList()).containsExactlyElementsOf(written);
    }

    @Test
    void streamedListingCrossesPageBoundaries() {
        for (int i = 0; i < 1203; i++) {
            store.put("many/%05d".formatted(i), new byte[0]);
        }
        assertThat(store.entries("many/").count()).isEqualTo(1203);
    }

    @Test
    void anExpiredDocumentIsGoneForEveryOperation() {
        Version version = store.create("once/a", bytes("marker"), Expiry.after(Duration.ofMinutes(5), clock));
        store.create("once/b", bytes("keeps"));
        Document before = store.read("once/a").orElseThrow();
        assertThat(before.expiry().instant()).contains(clock.instant().plus(Duration.ofMinutes(5)));
        assertThat(keys("once/")).containsExactly("once/a", "once/b");

        clock.advance(Duration.ofMinutes(5));
        assertThat(store.read("once/a")).isEmpty();
        assertThat(keys("once/")).containsExactly("once/b");
        assertThatThrownBy(() -> store.replace("once/a", bytes("late"), version)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> store.delete("once/a", version)).isInstanceOf(NotFoundException.class);
        assertThat(store.delete("once/a")).isFalse();
    }

    @Test
    void createSucceedsOverAnExpiredDocument() {
        store.create("lease", bytes("old owner"), Expiry.after(Duration.ofSeconds(30), clock));
        assertThatThrownBy(() -> store.create("lease", bytes("too early"))).isInstanceOf(ConflictException.class);
        clock.advance(Duration.ofSeconds(31));
        Version taken = store.create("lease", bytes("new owner"), Expiry.after(Duration.ofSeconds(30), clock));
        assertThat(text("lease")).isEqualTo("new owner");
        assertThat(store.read("lease").orElseThrow().version()).isEqualTo(taken);
    }

    @Test
    void aReplaceSetsOrClearsTheExpiry() {
        Version version = store.create("k", bytes("a"), Expiry.after(Duration.ofMinutes(1), clock));
        version = store.replace("k", bytes("b"), version, Expiry.after(Duration.ofMinutes(10), clock));
        clock.advance(Duration.ofMinutes(2));
        assertThat(text("k")).isEqualTo("b");
        store.replace("k", bytes("c"), version, Expiry.NEVER);
        clock.advance(Duration.ofDays(3650));
        assertThat(text("k")).isEqualTo("c");
    }

    @Test
    void sweepRemovesOnlyExpiredDocumentsUnderThePrefix() {
        for (int i = 0; i < 5; i++) {
            store.create("activities/a" + i, bytes("x"), Expiry.after(Duration.ofMinutes(1 + i), clock));
        }
        store.create("activities/forever", bytes("x"));
        store.create("other/expiring", bytes("x"), Expiry.after(Duration.ofMinutes(1), clock));
        clock.advance(Duration.ofMinutes(3));
        assertThat(store.sweepExpired("activities/")).isEqualTo(3);
        assertThat(store.sweepExpired("activities/")).isZero();
        assertThat(keys("activities/")).containsExactly("activities/a3", "activities/a4", "activities/forever");
        assertThat(store.sweepExpired("")).isEqualTo(1);
    }

    @Test
    void badKeysAreRefusedWithTheKeyNamed() {
        for (String bad : List.of("", "/lead", "trail/", "dou//ble", "Upper", "a/../b", "a/.hidden", "sp ace",
                "ümlaut", "a\\b", "x".repeat(201))) {
            assertThatThrownBy(() -> store.create(bad, bytes("x")))
                    .as(bad).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.read(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> store.read("a/B")).hasMessageContaining("'a/B'").hasMessageContaining("'B'");
        assertThatThrownBy(() -> store.list("Notes/", null, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.list("notes/", null, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void concurrentCreatesOfOneKeyHaveExactlyOneWinner() throws Exception {
        int threads = 16;
        AtomicInteger won = new AtomicInteger();
        AtomicInteger conflicts = new AtomicInteger();
        runAtOnce(threads, i -> {
            try {
                store.create("race/once", bytes("writer " + i));
                won.incrementAndGet();
            } catch (ConflictException expected) {
                conflicts.incrementAndGet();
            }
        });
        assertThat(won.get()).isEqualTo(1);
        assertThat(conflicts.get()).isEqualTo(threads - 1);
    }

    @Test
    void concurrentReadChangeWriteLosesNoUpdate() throws Exception {
        JsonDocuments<Counter> counters = new JsonDocuments<>(store, Counter.class, ConflictRetry.DEFAULT);
        int threads = 16;
        int perThread = 25;
        Set<String> writers = ConcurrentHashMap.newKeySet();
        runAtOnce(threads, i -> {
            for (int n = 0; n < perThread; n++) {
                String id = i + "-" + n;
                counters.update("counters/shared", () -> new Counter(0, List.of()),
                        c -> new Counter(c.count() + 1, append(c.ids(), id)), Expiry.NEVER);
                writers.add(id);
            }
        });
        Counter result = counters.read("counters/shared").orElseThrow().value();
        assertThat(result.count()).isEqualTo(threads * perThread);
        assertThat(result.ids()).hasSize(threads * perThread).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(writers);
    }

    @Test
    void readersNeverSeeAHalfWrittenDocument() throws Exception {
        byte[] a = new byte[200_000];
        byte[] b = new byte[200_000];
        java.util.Arrays.fill(a, (byte) 'a');
        java.util.Arrays.fill(b, (byte) 'b');
        store.put("torn", a);
        AtomicInteger reads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> writer = pool.submit(() -> {
                for (int i = 0; i < 40; i++) {
                    store.put("torn", i % 2 == 0 ? b : a);
                }
                return null;
            });
            // At least one read even when the writer is done first: the heap's 40 writes can be.
            Future<?> reader = pool.submit(() -> {
                do {
                    byte[] seen = store.read("torn").orElseThrow().content();
                    assertThat(seen.length).isEqualTo(200_000);
                    assertThat(seen[0]).isEqualTo(seen[seen.length - 1]);
                    reads.incrementAndGet();
                } while (!writer.isDone());
                return null;
            });
            writer.get(2, TimeUnit.MINUTES);
            reader.get(2, TimeUnit.MINUTES);
        } finally {
            pool.shutdownNow();
        }
        assertThat(reads.get()).isPositive();
    }

    @Test
    void jsonDocumentsRoundTripRecordsWithInstants() {
        JsonDocuments<Stamp> stamps = new JsonDocuments<>(store, Stamp.class, ConflictRetry.DEFAULT);
        Stamp stamp = new Stamp("watermark", Instant.parse("2025-03-10T08:59:59.123Z"));
        Version version = stamps.create("watch/watermark", stamp, Expiry.NEVER);
        Versioned<Stamp> read = stamps.read("watch/watermark").orElseThrow();
        assertThat(read.value()).isEqualTo(stamp);
        assertThat(read.version()).isEqualTo(version);
        assertThat(new String(store.read("watch/watermark").orElseThrow().content(), StandardCharsets.UTF_8))
                .contains("\"2025-03-10T08:59:59.123Z\"");
        store.put("watch/broken", bytes("{not json"));
        assertThatThrownBy(() -> stamps.read("watch/broken")).isInstanceOf(StoreException.class)
                .hasMessageContaining("watch/broken").hasMessageContaining("Stamp");
    }

    @Test
    void describeNamesTheStoreWithoutSecrets() {
        assertThat(store.describe()).isNotBlank().doesNotContainIgnoringCase("AccountKey")
                .doesNotContainIgnoringCase("password");
    }

    public record Counter(int count, List<String> ids) {
    }

    public record Stamp(String name, Instant at) {
    }

    protected List<String> keys(String prefix) {
        return store.entries(prefix).map(Entry::key).toList();
    }

    private static List<String> append(List<String> list, String item) {
        List<String> copy = new ArrayList<>(list);
        copy.add(item);
        return copy;
    }

    protected interface Task {
        void run(int index) throws Exception;
    }

    /** Starts {@code threads} tasks together and waits for all; a failure in any fails the test. */
    protected static void runAtOnce(int threads, Task task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Void>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int index = i;
                Callable<Void> call = () -> {
                    start.await();
                    task.run(index);
                    return null;
                };
                futures.add(pool.submit(call));
            }
            start.countDown();
            for (Future<Void> future : futures) {
                future.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    protected Optional<String> readText(String key) {
        return store.read(key).map(d -> new String(d.content(), StandardCharsets.UTF_8));
    }
}
