package dev.callcodes.bot.teams;

import com.microsoft.bot.connector.rest.ErrorResponseException;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ResourceResponse;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import okhttp3.MediaType;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;

/** The kept replies' rules, on a clock the test moves and a connector that answers as the test says. */
class KeptRepliesTest {

    private final MovableClock clock = new MovableClock();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<Activity> sent = new ArrayList<>();
    private final List<CompletableFuture<ResourceResponse>> answers = new ArrayList<>();
    private final PendingReplies store = new InMemoryPendingReplies(3, 1_000_000);
    private final KeptReplies kept = new KeptReplies(store, activity -> {
        sent.add(activity);
        CompletableFuture<ResourceResponse> answer = new CompletableFuture<>();
        answers.add(answer);
        return answer;
    }, registry, clock, false);

    private static Activity reply(String conversation, String text) {
        Activity activity = Activities.personal(text);
        activity.getConversation().setId(conversation);
        activity.setReplyToId("incoming-1");
        return activity;
    }

    private static Throwable refused() {
        return new CompletionException(new ConnectException("Failed to connect to /127.0.0.1:1"));
    }

    private static Throwable status(int code, String retryAfter) {
        okhttp3.Response raw = new okhttp3.Response.Builder()
                .request(new okhttp3.Request.Builder().url("https://smba.example/").build())
                .protocol(okhttp3.Protocol.HTTP_1_1).code(code).message("x")
                .header("Retry-After", retryAfter == null ? "" : retryAfter).build();
        return new CompletionException(new ErrorResponseException("Status code " + code,
                retrofit2.Response.error(ResponseBody.create(MediaType.get("application/json"), "{}"), raw)));
    }

    private double count(String outcome) {
        var counter = registry.find("callcodes.replies").tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private void after(Duration wait) {
        clock.advance(wait);
        kept.resendDue();
    }

    @Test
    void aReplyRefusedByADownConnectorIsKeptAndSentOnceItIsBack() {
        assertThat(kept.afterFailure(reply("a:1", "510559 403"), refused())).isEqualTo(KeptReplies.Fate.KEPT);

        after(Duration.ofSeconds(2));
        answers.get(0).completeExceptionally(refused());
        after(Duration.ofSeconds(3));
        answers.get(1).complete(new ResourceResponse("id"));
        after(Duration.ofMinutes(1));

        assertThat(sent).hasSize(2).allSatisfy(a -> assertThat(a.getText()).isEqualTo("510559 403"));
        assertThat(sent.get(1).getReplyToId()).isEqualTo("incoming-1");
        assertThat(store.size()).isZero();
        assertThat(count("kept")).isEqualTo(1);
        assertThat(count("delivered_late")).isEqualTo(1);
        assertThat(registry.get("callcodes.replies.pending").gauge().value()).isZero();
    }

    @Test
    void throttlingAndServerErrorsAreKeptAndRetryAfterIsHonoured() {
        assertThat(kept.afterFailure(reply("a:1", "x"), status(429, "60"))).isEqualTo(KeptReplies.Fate.KEPT);
        assertThat(kept.afterFailure(reply("a:2", "y"), status(503, null))).isEqualTo(KeptReplies.Fate.KEPT);

        after(Duration.ofSeconds(31));
        assertThat(sent).extracting(Activity::getText).containsExactly("y");
        after(Duration.ofSeconds(30));
        assertThat(sent).extracting(Activity::getText).containsExactly("y", "x");
    }

    @Test
    void aReplyThatMayHaveArrivedIsNeverSentAgain() {
        Throwable lostAnswer = new CompletionException(
                new PossiblyDeliveredException(new SocketTimeoutException("timeout")));

        assertThat(kept.afterFailure(reply("a:1", "x"), lostAnswer)).isEqualTo(KeptReplies.Fate.MAYBE_DELIVERED);
        after(Duration.ofMinutes(1));

        assertThat(sent).isEmpty();
        assertThat(count("uncertain")).isEqualTo(1);
    }

    @Test
    void aKeptReplyWhoseResendMayHaveArrivedIsNotSentAThirdTime() {
        kept.afterFailure(reply("a:1", "x"), refused());
        after(Duration.ofSeconds(2));
        answers.get(0).completeExceptionally(new PossiblyDeliveredException(new IOException("reset")));
        after(Duration.ofMinutes(5));

        assertThat(sent).hasSize(1);
        assertThat(store.size()).isZero();
        assertThat(count("uncertain")).isEqualTo(1);
    }

    @Test
    void aConnectorRefusalForGoodIsNotKept() {
        assertThat(kept.afterFailure(reply("a:1", "x"), status(403, null))).isEqualTo(KeptReplies.Fate.NOT_KEPT);
        assertThat(kept.afterFailure(reply("a:1", "x"), new IllegalStateException("a bug")))
                .isEqualTo(KeptReplies.Fate.NOT_KEPT);
        assertThat(store.size()).isZero();
    }

    @Test
    void aReplyIsDroppedAndCountedAfterTheKeepWindow() {
        kept.afterFailure(reply("a:1", "x"), refused());
        for (int round = 0; round < 200 && clock.now.isBefore(Instant.parse("2026-12-01T09:20:00Z")); round++) {
            after(Duration.ofSeconds(31));
            answers.forEach(a -> a.completeExceptionally(refused()));
        }

        assertThat(store.size()).isZero();
        assertThat(count("dropped")).isEqualTo(1);
        assertThat(sent.size()).as("attempts in %s", KeptReplies.KEEP_FOR).isBetween(25, 40);
    }

    @Test
    void repliesToOneConversationKeepTheirOrder() {
        kept.afterFailure(reply("a:1", "first"), refused());
        assertThat(kept.waitsFor("a:1")).isTrue();
        assertThat(kept.behind(reply("a:1", "second"))).isEqualTo(KeptReplies.Fate.KEPT);

        after(Duration.ofSeconds(31));
        assertThat(sent).extracting(Activity::getText).containsExactly("first");
        answers.get(0).complete(new ResourceResponse("1"));
        after(Duration.ofSeconds(1));
        assertThat(sent).extracting(Activity::getText).containsExactly("first", "second");
    }

    @Test
    void aKeptCardReplyComesBackAsTheConnectorWouldHaveHadItAndPassesTheSdksValidation() throws Exception {
        Activity carousel = Activities.personal("ignored");
        carousel.setAttachments(List.of(card("510559"), card("560403")));
        carousel.setReplyToId("incoming-1");
        kept.afterFailure(carousel, refused());

        after(Duration.ofSeconds(31));
        Activity again = sent.get(0);

        com.microsoft.bot.restclient.Validator.validate(again);
        var json = new com.microsoft.bot.restclient.serializer.JacksonAdapter();
        assertThat(json.serialize(again)).isEqualTo(json.serialize(carousel));
    }

    private static com.microsoft.bot.schema.Attachment card(String code) {
        com.microsoft.bot.schema.Attachment attachment = new com.microsoft.bot.schema.Attachment();
        attachment.setContentType("application/vnd.microsoft.card.adaptive");
        attachment.setContent(Activities.JSON.createObjectNode().put("type", "AdaptiveCard")
                .set("body", Activities.JSON.createArrayNode().add(Activities.JSON.createObjectNode()
                        .put("type", "TextBlock").put("text", code))));
        return attachment;
    }

    @Test
    void aFullStoreDropsTheReplyAndSaysSo() {
        for (int i = 0; i < 3; i++) {
            assertThat(kept.afterFailure(reply("a:" + i, "x"), refused())).isEqualTo(KeptReplies.Fate.KEPT);
        }

        assertThat(kept.afterFailure(reply("a:9", "x"), refused())).isEqualTo(KeptReplies.Fate.NOT_KEPT);
        assertThat(count("dropped")).isEqualTo(1);
    }
}
