package dev.callcodes.team;

import dev.callcodes.store.ConflictRetry;
import dev.callcodes.store.DocumentStore;
import dev.callcodes.store.azure.Azurite;
import dev.callcodes.store.azure.BlobDocumentStore;
import dev.callcodes.team.conversations.ActivityOnce;
import dev.callcodes.team.feedback.Ballot;
import dev.callcodes.team.feedback.Feedback;
import dev.callcodes.team.feedback.Tally;
import dev.callcodes.team.feedback.Vote;
import dev.callcodes.team.notes.Author;
import dev.callcodes.team.notes.Note;
import dev.callcodes.team.notes.NoteEditors;
import dev.callcodes.team.notes.NoteVersion;
import dev.callcodes.team.notes.TeamNotes;
import dev.callcodes.team.usage.Surface;
import dev.callcodes.team.usage.UsageCounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two app instances, as in Azure: two independent service stacks, each with its own Blob Storage client, on one
 * container in Azurite, changing the same documents at once. Nothing may be lost or counted twice.
 */
class TwoInstancesOnAzuriteTest {

    static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    static final CodePair PAIR = new CodePair("560503", 503);
    static final int EDITS = 200;
    static final int ADDS = 20;
    static final int USERS = 200;
    static final String[] ENTRIES = {"dr-560503-503", "dr-510559-403", "dr-560486-486", "acs-pstn-500",
        "graph-4097-200"};
    static final int THREADS_PER_INSTANCE = 4;

    private final AtomicInteger retries = new AtomicInteger();
    private final ConflictRetry countingRetry = new ConflictRetry(ConflictRetry.DEFAULT.maxAttempts(),
            ConflictRetry.DEFAULT.firstDelay(), ConflictRetry.DEFAULT.maxDelay(), millis -> {
                retries.incrementAndGet();
                Thread.sleep(millis);
            });
    private DocumentStore storeA;
    private DocumentStore storeB;

    /** One app instance's services. */
    record Instance(TeamNotes notes, Feedback feedback, UsageCounts usage, ActivityOnce once) {
        Instance(DocumentStore store, ConflictRetry retry) {
            this(new TeamNotes(store, NoteEditors.everyone(), Clock.systemUTC(), retry),
                    new Feedback(store, Clock.systemUTC(), retry),
                    new UsageCounts(store, Clock.systemUTC(), retry),
                    new ActivityOnce(store, Clock.systemUTC()));
        }
    }

    @BeforeEach
    void open() {
        String container = Azurite.newContainerName();
        storeA = BlobDocumentStore.open(Azurite.get().settings(container), Clock.systemUTC());
        storeB = BlobDocumentStore.open(Azurite.get().settings(container), Clock.systemUTC());
    }

    @AfterEach
    void close() {
        storeA.close();
        storeB.close();
    }

    @Test
    void concurrentNoteEditsAndVotesFromTwoInstancesAllLand() throws Exception {
        Instance a = new Instance(storeA, countingRetry);
        Instance b = new Instance(storeB, countingRetry);
        Note note = a.notes().add(TENANT, PAIR, new Author("", "setup"), "original text");

        // 200 edits of one note and 20 new notes on the same pair, half through each instance, at once
        List<Task> tasks = new ArrayList<>();
        for (int i = 0; i < EDITS; i++) {
            int n = i;
            Instance via = n % 2 == 0 ? a : b;
            tasks.add(() -> via.notes().edit(TENANT, PAIR, note.id(), editor(n), "edit " + n));
        }
        for (int i = 0; i < ADDS; i++) {
            int n = i;
            Instance via = n % 2 == 0 ? b : a;
            tasks.add(() -> via.notes().add(TENANT, PAIR, editor(n), "added " + n));
        }
        int noteRetries = runConcurrently(tasks);

        Note last = b.notes().notes(TENANT, PAIR).stream().filter(x -> x.id().equals(note.id())).findFirst()
                .orElseThrow();
        List<NoteVersion> history = a.notes().history(TENANT, PAIR, note.id());
        List<String> texts = new ArrayList<>(history.stream().map(NoteVersion::text).toList());
        texts.add(last.text());
        Set<String> editTexts = new HashSet<>(texts);
        editTexts.remove("original text");
        List<Integer> revisions = history.stream().map(NoteVersion::revision).toList();
        long added = a.notes().notes(TENANT, PAIR).stream().filter(x -> x.text().startsWith("added ")).count();

        assertThat(last.revision()).isEqualTo(EDITS + 1);
        assertThat(history).hasSize(EDITS);
        assertThat(revisions).containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, EDITS).boxed()
                .toList());
        assertThat(texts).hasSize(EDITS + 1).doesNotHaveDuplicates();
        assertThat(editTexts).hasSize(EDITS);
        assertThat(added).isEqualTo(ADDS);

        // 1,000 votes: 200 users vote on 4 entries each (800), then 200 change their first vote
        Map<String, Map<String, Vote>> expected = new HashMap<>();
        List<Task> voters = new ArrayList<>();
        for (int u = 0; u < USERS; u++) {
            String user = "user-%03d".formatted(u);
            Instance via = u % 2 == 0 ? a : b;
            Instance other = u % 2 == 0 ? b : a;
            List<String[]> votes = new ArrayList<>();
            for (int k = 0; k < 4; k++) {
                String entry = ENTRIES[(u + k) % ENTRIES.length];
                Vote vote = (u + k) % 3 == 0 ? Vote.NOT_HELPFUL : Vote.HELPFUL;
                votes.add(new String[]{entry, vote.name()});
                expected.computeIfAbsent(entry, e -> new HashMap<>()).put(user, vote);
            }
            String firstEntry = votes.get(0)[0];
            Vote changed = Vote.valueOf(votes.get(0)[1]) == Vote.HELPFUL ? Vote.NOT_HELPFUL : Vote.HELPFUL;
            expected.get(firstEntry).put(user, changed);
            voters.add(() -> {
                for (String[] vote : votes) {
                    via.feedback().vote(TENANT, vote[0], user, Vote.valueOf(vote[1]), null);
                    via.usage().feedbackGiven(TENANT, Vote.valueOf(vote[1]));
                }
                other.feedback().vote(TENANT, firstEntry, user, changed, "changed my mind");
                other.usage().feedbackGiven(TENANT, changed);
                return null;
            });
        }
        retries.set(0);
        runConcurrently(voters);
        int voteRetries = retries.get();

        int ballots = 0;
        int helpful = 0;
        int notHelpful = 0;
        for (String entry : ENTRIES) {
            Map<String, Ballot> stored = a.feedback().ballots(TENANT, entry);
            assertThat(stored.keySet()).containsExactlyInAnyOrderElementsOf(expected.get(entry).keySet());
            stored.forEach((user, ballot) -> assertThat(ballot.vote()).as(entry + " " + user)
                    .isEqualTo(expected.get(entry).get(user)));
            Tally tally = b.feedback().tally(TENANT, entry);
            ballots += stored.size();
            helpful += tally.helpful();
            notHelpful += tally.notHelpful();
        }
        assertThat(ballots).isEqualTo(USERS * 4);

        // usage counted on both instances, flushed by both at once
        for (int i = 0; i < 250; i++) {
            a.usage().pairAsked(TENANT, PAIR, Surface.CHAT);
            b.usage().pairAsked(TENANT, PAIR, Surface.EXTENSION);
        }
        runConcurrently(List.of(() -> a.usage().flush(), () -> b.usage().flush()));
        UsageCounts.PairCount asked = UsageCounts.top(a.usage().lastDays(TENANT, 1), 1).get(0);
        long feedbackCounted = b.usage().lastDays(TENANT, 1).feedback().values().stream().mapToLong(Long::longValue)
                .sum();
        assertThat(asked.count()).isEqualTo(500);
        assertThat(feedbackCounted).isEqualTo(USERS * 5);

        // every activity delivered to both instances at once is answered by exactly one
        AtomicInteger answered = new AtomicInteger();
        List<Task> deliveries = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            String activity = "1700000000" + i;
            for (Instance via : List.of(a, b)) {
                deliveries.add(() -> {
                    via.once().claim("19:chat@thread.v2", activity).ifPresent(claim -> {
                        answered.incrementAndGet();
                        via.once().answered(claim);
                    });
                    return null;
                });
            }
        }
        runConcurrently(deliveries);
        assertThat(answered.get()).isEqualTo(100);

        System.out.printf("two instances on one Azurite: %d concurrent edits of one note -> revision %d, %d earlier"
                        + " versions kept, %d distinct edit texts (lost 0, duplicated 0), %d notes added meanwhile"
                        + " (all %d there), %d conflicts retried%n",
                EDITS, last.revision(), history.size(), editTexts.size(), ADDS, added, noteRetries);
        System.out.printf("two instances on one Azurite: %d votes (%d first votes, %d changed) from %d users on %d"
                        + " entries -> %d ballots (%d helpful, %d not helpful), each the user's last vote,"
                        + " %d conflicts retried; usage: %d asks counted, %d feedback events; %d of %d activities"
                        + " delivered twice answered once%n",
                USERS * 5, USERS * 4, USERS, USERS, ENTRIES.length, ballots, helpful, notHelpful, voteRetries,
                asked.count(), feedbackCounted, answered.get(), deliveries.size() / 2);
    }

    private static Author editor(int n) {
        return new Author("%08d-0000-0000-0000-000000000000".formatted(n), "Editor " + n);
    }

    interface Task extends Callable<Object> {
    }

    /** Runs the tasks on both instances' threads at once; returns the conflicts retried meanwhile. */
    private int runConcurrently(List<? extends Callable<?>> tasks) throws Exception {
        int before = retries.get();
        ExecutorService pool = Executors.newFixedThreadPool(2 * THREADS_PER_INSTANCE);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Callable<?> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            for (Future<?> future : futures) {
                future.get(10, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        return retries.get() - before;
    }

}
