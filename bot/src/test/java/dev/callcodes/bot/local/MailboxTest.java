package dev.callcodes.bot.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MailboxTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static byte[] activity(String text) {
        try {
            return JSON.writeValueAsBytes(JSON.createObjectNode().put("type", "message").put("text", text));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** What one entry of this id and text costs the budget. */
    private static long size(String id, String text) {
        return Mailbox.retainedBytes(activity(text), id, null);
    }

    private static long conversation(String id) {
        return Mailbox.conversationBytes(id);
    }

    private static List<String> texts(List<Mailbox.Entry> entries) {
        return entries.stream().map(e -> e.activity().path("text").asText()).toList();
    }

    @Test
    void returnsOnlyTheActivitiesAfterTheGivenSequenceInOrder() {
        Mailbox mailbox = new Mailbox(200, 1000, 1 << 20);
        long first = mailbox.add("c1", "a", null, activity("one")).seq();
        mailbox.add("other", "x", null, activity("elsewhere"));
        long second = mailbox.add("c1", "b", null, activity("two")).seq();
        mailbox.add("c1", "c", null, activity("three"));

        assertThat(texts(mailbox.after("c1", 0))).containsExactly("one", "two", "three");
        assertThat(texts(mailbox.after("c1", first))).containsExactly("two", "three");
        assertThat(texts(mailbox.after("c1", second))).containsExactly("three");
        assertThat(mailbox.after("c1", Long.MAX_VALUE)).isEmpty();
        assertThat(mailbox.after("unknown", 0)).isEmpty();
        assertThat(second).as("sequence numbers are shared, so they never repeat across conversations")
                .isEqualTo(first + 2);
    }

    @Test
    void keepsTheNewestActivitiesOfAConversation() {
        Mailbox mailbox = new Mailbox(3, 1000, 1 << 20);
        IntStream.rangeClosed(1, 5).forEach(i -> mailbox.add("c1", "id" + i, null, activity("m" + i)));

        assertThat(texts(mailbox.after("c1", 0))).containsExactly("m3", "m4", "m5");
        assertThat(mailbox.contains("c1", "id1")).isFalse();
        assertThat(mailbox.contains("c1", "id5")).isTrue();
        assertThat(mailbox.bytes()).isEqualTo(conversation("c1") + 3 * size("id1", "m1"));
    }

    @Test
    void evictsTheLeastRecentlyUsedConversation() {
        Mailbox mailbox = new Mailbox(10, 3, 1 << 20);
        mailbox.add("c1", "a", null, activity("1"));
        mailbox.add("c2", "b", null, activity("2"));
        mailbox.add("c3", "c", null, activity("3"));
        mailbox.after("c1", 0); // a page still polling keeps its conversation

        mailbox.add("c4", "d", null, activity("4"));

        assertThat(mailbox.conversations()).isEqualTo(3);
        assertThat(mailbox.after("c2", 0)).isEmpty();
        assertThat(texts(mailbox.after("c1", 0))).containsExactly("1");
        assertThat(texts(mailbox.after("c4", 0))).containsExactly("4");
        assertThat(mailbox.bytes()).isEqualTo(3 * (conversation("c1") + size("a", "1")));
    }

    @Test
    void staysWithinItsByteBudgetOldestFirst() {
        long entry = size("a", "old");
        Mailbox mailbox = new Mailbox(100, 100, conversation("c1") + 2 * entry + entry / 2);
        mailbox.add("ol", "a", null, activity("old"));
        mailbox.add("c1", "b", null, activity("bbb"));
        mailbox.add("c1", "c", null, activity("ccc"));

        assertThat(mailbox.after("ol", 0)).as("the other conversation goes first").isEmpty();
        assertThat(texts(mailbox.after("c1", 0))).containsExactly("bbb", "ccc");

        mailbox.add("c1", "d", null, activity("ddd"));

        assertThat(texts(mailbox.after("c1", 0))).as("then the conversation's own oldest").containsExactly("ccc", "ddd");
        assertThat(mailbox.bytes()).isEqualTo(conversation("c1") + 2 * entry);
    }

    @Test
    void keepsTheNewestActivityEvenWhenItAloneIsOverBudget() {
        Mailbox mailbox = new Mailbox(100, 100, 300);
        mailbox.add("c1", "a", null, activity("a"));
        mailbox.add("c1", "b", null, activity("big".repeat(100)));

        assertThat(texts(mailbox.after("c1", 0))).containsExactly("big".repeat(100));
    }

    @Test
    void recordsUpdatesAsNewEntriesThatNameTheActivityTheyReplace() {
        Mailbox mailbox = new Mailbox(200, 1000, 1 << 20);
        Mailbox.Entry card = mailbox.add("c1", "card-1", null, activity("510559 / SIP 403"));
        Mailbox.Entry update = mailbox.add("c1", "card-1", "card-1", activity("560403 / SIP 403"));

        assertThat(update.seq()).isGreaterThan(card.seq());
        assertThat(mailbox.after("c1", card.seq())).singleElement().satisfies(e -> {
            assertThat(e.replaces()).isEqualTo("card-1");
            assertThat(e.activity().path("text").asText()).isEqualTo("560403 / SIP 403");
        });
        assertThat(mailbox.contains("c1", "card-1")).isTrue();
        assertThat(mailbox.contains("c2", "card-1")).isFalse();
    }

    @Test
    void concurrentWritersGetDistinctSequenceNumbersAndNothingIsLost() throws Exception {
        Mailbox mailbox = new Mailbox(10_000, 1000, 1L << 30);
        int threads = 8;
        int each = 500;
        List<Long> seqs = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        for (int t = 0; t < threads; t++) {
            int thread = t;
            pool.submit(() -> {
                start.await();
                for (int i = 0; i < each; i++) {
                    seqs.add(mailbox.add("c" + (i % 2), thread + "-" + i, null, activity("x")).seq());
                    mailbox.after("c0", 0);
                }
                return null;
            });
        }
        start.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        assertThat(seqs).hasSize(threads * each).doesNotHaveDuplicates();
        List<Mailbox.Entry> all = new ArrayList<>(mailbox.after("c0", 0));
        all.addAll(mailbox.after("c1", 0));
        assertThat(all).hasSize(threads * each);
        assertThat(mailbox.after("c0", 0)).extracting(Mailbox.Entry::seq).isSorted();
    }

    @Test
    void refusesBoundsThatCouldNotHoldAnything() {
        assertThatThrownBy(() -> new Mailbox(0, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
