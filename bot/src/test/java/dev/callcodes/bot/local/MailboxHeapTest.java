package dev.callcodes.bot.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.callcodes.catalog.Catalog;
import dev.callcodes.cards.AnswerCards;
import dev.callcodes.catalog.explanation.CallCodes;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mailbox's byte budget bounds the heap it really holds, measured: answer-card activities as the local
 * connector receives them, far more than the budget, written to 500 conversations. Before, with parsed trees kept
 * and the received size counted, a 32 MiB budget held 201 MB (6.0 times).
 */
class MailboxHeapTest {

    private static long heapInUse() throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    @Test
    void aFullMailboxHoldsAboutItsBudget() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode card = json.createObjectNode().put("contentType", "application/vnd.microsoft.card.adaptive");
        card.set("content", new AnswerCards(Catalog.loadEmbedded()).forExplanation(CallCodes.embedded().explain("510559 403"))
                .get(0).content());
        ObjectNode activity = json.createObjectNode().put("type", "message");
        activity.putArray("attachments").add(card);
        long budget = 32L << 20;
        Mailbox mailbox = new Mailbox(200, 1000, budget);

        long before = heapInUse();
        for (int i = 0; i < 20_000; i++) {
            activity.put("id", "activity-" + i);
            mailbox.add("conversation-" + i % 500, "activity-" + i, null, json.writeValueAsBytes(activity));
        }
        long held = heapInUse() - before;

        assertThat(mailbox.bytes()).isLessThanOrEqualTo(budget);
        assertThat((double) held / budget).as("heap held (%d bytes) for a budget of %d", held, budget)
                .isLessThan(1.25);
    }
}
