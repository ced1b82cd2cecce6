package dev.callcodes.bot.local;

import com.fasterxml.jackson.databind.JsonNode;
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

    private static JsonNode activity(String text) {
        return JSON.createObjectNode().put("type", "message").put("text", text);
    }

    private static List<String> texts(List<Mailbox.Entry> entries) {
        return entries.stream().map(e -> e.activity().path("text").asText()).toList();
    }

    @Test
    void returnsOnlyTheActivitiesAfterTheGivenSequenceInOrder() {
        Mailbox mailbox = new Mailbox(200, 1000, 1 << 20);
        long first = mailbox.add("c1", "a", null, activity("one"), 10).seq();
        mailbox.add("other", "x", null, activity("elsewhere"), 10);
        long second = mailbox.add("c1", "b", null, activity("two"), 10).seq();
        mailbox.add("c1", "c", null, activity("three"), 10);

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
        IntStream.rangeClosed(1, 5).forEach(i -> mailbox.add("c1", "id" + i, null, activity("m" + i), 10));

        assertThat(texts(mailbox.after("c1", 0))).containsExactly("m3", "m4", "m5");
        assertThat(mailbox.contains("c1", "id1")).isFalse();
        assertThat(mailbox.contains("c1", "id5")).isTrue();
        assertThat(mailbox.bytes()).isEqualTo(30);
    }

    @Test
    void evictsTheLeastRecentlyUsedConversation() {
        Mailbox mailbox = new Mailbox(10, 3, 1 << 20);
        mailbox.add("c1", "a", null, activity("1"), 10);
        mailbox.add("c2", "b", null, activity("2"), 10);
        mailbox.add("c3", "c", null, activity("3"), 10);
        mailbox.after("c1", 0); // a page still polling keeps its conversation

        mailbox.add("c4", "d", null, activity("4"), 10);

        assertThat(mailbox.conversations()).isEqualTo(3);
        assertThat(mailbox.after("c2", 0)).isEmpty();
        assertThat(texts(mailbox.after("c1", 0))).containsExactly("1");
        assertThat(texts(mailbox.after("c4", 0))).containsExactly("4");
        assertThat(mailbox.bytes()).isEqualTo(30);
    }

    @Test
    void staysWithinItsByteBudgetOldestFirst() {
        Mailbox mailbox = new Mailbox(100, 100, 100);
        mailbox.add("old", "a", null, activity("old"), 40);
        mailbox.add("c1", "b", null, activity("b"), 40);
        mailbox.add("c1", "c", null, activity("c"), 40);

        assertThat(mailbox.after("old", 0)).as("the other conversation goes first").isEmpty();
        assertThat(texts(mailbox.after("c1", 0))).containsExactly("b", "c");

        mailbox.add("c1", "d", null, activity("d"), 40);

        assertThat(texts(mailbox.after("c1", 0))).as("then the conversation's own oldest").containsExactly("c", "d");
        assertThat(mailbox.bytes()).isEqualTo(80);
    }

    @Test
    void keepsTheNewestActivityEvenWhenItAloneIsOverBudget() {
        Mailbox mailbox = new Mailbox(100, 100, 100);
        mailbox.add("c1", "a", null, activity("a"), 60);
        mailbox.add("c1", "b", null, activity("big"), 150);

        assertThat(texts(mailbox.after("c1", 0))).containsExactly("big");
    }

    @Test
    void recordsUpdatesAsNewEntriesThatNameTheActivityTheyReplace() {
        Mailbox mailbox = new Mailbox(200, 1000, 1 << 20);
        Mailbox.Entry card = mailbox.add("c1", "card-1", null, activity("510559 / SIP 403"), 10);
        Mailbox.Entry update = mailbox.add("c1", "card-1", "card-1", activity("560403 / SIP 403"), 10);

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
                    seqs.add(mailbox.add("c" + (i % 2), thread + "-" + i, null, activity("x"), 1).seq());
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
