package dev.callcodes.bot.teams;

import com.microsoft.bot.restclient.serializer.JacksonAdapter;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Attachment;
import dev.callcodes.bot.chat.ChatRoutes;
import dev.callcodes.bot.chat.Reply;
import dev.callcodes.cards.AnswerCards;
import dev.callcodes.catalog.Catalog;
import dev.callcodes.catalog.CatalogEntry;
import dev.callcodes.catalog.explanation.CallCodes;
import dev.callcodes.catalog.explanation.ReplyKind;
import dev.callcodes.catalog.intake.PlainText;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Teams refuses a bot message over about 100 KB, counted as UTF-16, and asks bots to stay within 80 KB
 * (learn.microsoft.com/microsoftteams/platform/bots/how-to/format-your-bot-messages); each card must stay within
 * 28 KB. The worst case the whole catalog can produce, ten pairs whose cards are the largest, is measured here.
 */
class TeamsRepliesSizeTest {

    private static final JacksonAdapter JSON = new JacksonAdapter();
    private static final AnswerCards CARDS = new AnswerCards(Catalog.loadEmbedded());
    private static Catalog catalog;
    private static ChatRoutes routes;

    @BeforeAll
    static void loadCatalog() {
        catalog = Catalog.loadEmbedded();
        routes = ChatRoutes.standard(CallCodes.of(catalog), CARDS);
    }

    private static int utf16Bytes(Object value) throws IOException {
        return JSON.serialize(value).length() * 2;
    }

    /** Each pair of the catalog as the user would type it, with the size of the card it gets. */
    private static Map<String, Integer> cardSizeByQuery() {
        return catalog.entries().stream()
                .filter(e -> e.microsoftCode() != null && !e.sipCodes().isEmpty())
                .map(TeamsRepliesSizeTest::query)
                .distinct()
                .collect(Collectors.toMap(q -> q, q -> {
                    Reply reply = routes.answer(PlainText.of(q));
                    return reply.cards().get(0).content().toString().getBytes(
                            java.nio.charset.StandardCharsets.UTF_8).length;
                }));
    }

    private static String query(CatalogEntry entry) {
        return entry.microsoftCode() + " " + entry.sipCodes().get(0);
    }

    /** The ten pairs of the catalog with the largest cards, as a user would type them. */
    static List<String> largestPairs() {
        if (routes == null) {
            loadCatalog();
        }
        return cardSizeByQuery().entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
                .limit(ReplyKind.MAX_CAROUSEL).map(Map.Entry::getKey).toList();
    }

    /** The plain-text version of each card the bot answers {@code text} with, in order. */
    static List<String> cardTexts(String text) {
        return routes.answer(PlainText.of(text)).cards().stream().map(c -> c.content().path("fallbackText").asText()).toList();
    }

    @Test
    void theLargestTenPairCarouselIsSentAsMessagesWithinTeamsLimit() throws IOException {
        Map<String, Integer> sizes = cardSizeByQuery();
        List<String> largest = largestPairs();
        Reply reply = routes.answer(PlainText.of(String.join("\n", largest)));
        assertThat(reply.cards()).hasSize(ReplyKind.MAX_CAROUSEL);

        Activity carousel = TeamsReplies.message(reply);
        List<Activity> sent = TeamsReplies.withinSizeLimit(carousel);

        System.out.printf("TeamsRepliesSizeTest: %d pairs in the catalog; largest card %,d bytes; ten largest as one"
                        + " activity %,d bytes of UTF-8 JSON (%,d as UTF-16); sent as %d activities of %s UTF-16"
                        + " bytes%n", sizes.size(), sizes.get(largest.get(0)),
                JSON.serialize(carousel).getBytes(java.nio.charset.StandardCharsets.UTF_8).length,
                utf16Bytes(carousel), sent.size(), sent.stream().map(a -> {
                    try {
                        return String.format("%,d", utf16Bytes(a));
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }).toList());
        assertThat(sizes.get(largest.get(0))).as("the largest card").isLessThanOrEqualTo(28 * 1024);
        for (Activity activity : sent) {
            assertThat(utf16Bytes(activity)).isLessThanOrEqualTo(TeamsReplies.MAX_ACTIVITY_UTF16_BYTES);
        }
        assertThat(sent.stream().flatMap(a -> a.getAttachments().stream()).map(Attachment::getContent).toList())
                .as("every card, once, in order").isEqualTo(carousel.getAttachments().stream()
                        .map(Attachment::getContent).toList());
        assertThat(sent).allSatisfy(a -> {
            assertThat(a.getSummary()).isEqualTo(carousel.getSummary());
            assertThat(a.getType()).isEqualTo(carousel.getType());
        });
    }

    @Test
    void aMessageWithinTheLimitIsSentAsItIs() {
        Activity one = TeamsReplies.message(routes.answer(PlainText.of("510559 403 and 560403 403")));

        assertThat(TeamsReplies.withinSizeLimit(one)).containsExactly(one);
    }
}
