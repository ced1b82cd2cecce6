package dev.callcodes.bot.teams;

import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReplyRetryStrategyTest {

    private final List<Long> sleeps = new ArrayList<>();
    private final ReplyRetryStrategy strategy = new ReplyRetryStrategy(3, sleeps::add);

    private static Response response(int code, String retryAfter) {
        Response.Builder builder = new Response.Builder().request(new Request.Builder().url("https://smba.example/").build())
                .protocol(Protocol.HTTP_1_1).code(code).message("x");
        if (retryAfter != null) {
            builder.header("Retry-After", retryAfter);
        }
        return builder.build();
    }

    @Test
    void throttlingAndGatewayErrorsAreRetriedUpToTheLimit() {
        for (int code : new int[] {412, 429, 502, 504}) {
            sleeps.clear();
            assertThat(strategy.shouldRetry(0, response(code, null))).as("code %d", code).isTrue();
            assertThat(strategy.shouldRetry(2, response(code, null))).isTrue();
            assertThat(strategy.shouldRetry(3, response(code, null))).as("after 3 retries").isFalse();
            assertThat(sleeps).hasSize(2);
        }
    }

    @Test
    void otherFailuresAreNotRetried() {
        for (int code : new int[] {400, 401, 403, 404, 500, 503}) {
            assertThat(strategy.shouldRetry(0, response(code, null))).as("code %d", code).isFalse();
        }
        assertThat(sleeps).isEmpty();
    }

    @RepeatedTest(20)
    void backoffGrowsWithJitterAndIsCapped() {
        assertThat(ReplyRetryStrategy.delayMillis(0, null)).isBetween(250L, 500L);
        assertThat(ReplyRetryStrategy.delayMillis(2, null)).isBetween(1000L, 2000L);
        assertThat(ReplyRetryStrategy.delayMillis(12, null)).isBetween(4000L, 8000L);
    }

    @Test
    void retryAfterIsHonouredUpToTheCap() {
        strategy.shouldRetry(0, response(429, "3"));
        strategy.shouldRetry(0, response(429, "120"));
        strategy.shouldRetry(0, response(429, "Wed, 21 Oct 2026 07:28:00 GMT"));

        assertThat(sleeps.get(0)).isEqualTo(3000L);
        assertThat(sleeps.get(1)).isEqualTo(ReplyRetryStrategy.MAX_DELAY_MS);
        assertThat(sleeps.get(2)).isBetween(250L, 500L);
    }
}
