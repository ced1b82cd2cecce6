package dev.callcodes.bot.teams;

import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongConsumer;

/**
 * The first line of a reply's delivery: retries inside one send, on the sending thread, with exponential backoff and
 * full jitter (a random wait from zero to a ceiling that doubles each time), and at least the server's Retry-After.
 * Retried: throttling and gateway answers (412, 429, 500, 502, 503, 504, as Teams asks for 412, 429, 502 and 504) and
 * connection failures that happened before the connector could have the whole request (refused, reset or timed out
 * while connecting or writing). Never retried: a failure after the whole request was written and before any answer
 * (a read timeout, a reset while waiting): the connector may have posted the message, and its API has no
 * idempotency key (each POST creates a new activity; replyToId only threads it), so sending it again could post it
 * twice. Such a failure is thrown as {@link PossiblyDeliveredException}, and nothing resends it.
 *
 * <p>This replaces the SDK's retries, so they are not doubled: its RetryHandler (which runs a RetryStrategy on
 * responses only and never sees an IOException) gets {@link #NO_SDK_RETRIES}, and OkHttp's own silent re-send after a
 * dropped connection is turned off ({@link #installOn}). What still fails after these retries goes to
 * {@link KeptReplies}.
 */
final class ReplyRetryStrategy implements Interceptor {

    static final Set<Integer> RETRYABLE = Set.of(412, 429, 500, 502, 503, 504);
    static final long BASE_DELAY_MS = 500;
    static final long MAX_DELAY_MS = 8_000;
    private static final long MAX_ANSWER_BYTES = 1 << 20;

    /** For the SDK's RetryHandler, which would otherwise retry 5xx three more times inside each of our attempts. */
    static final com.microsoft.bot.restclient.retry.RetryStrategy NO_SDK_RETRIES =
            new com.microsoft.bot.restclient.retry.RetryStrategy("callcodes-retries-elsewhere", false) {
                @Override
                public boolean shouldRetry(int retryCount, Response response) {
                    return false;
                }
            };

    private final int maxRetries;
    private final LongConsumer sleeper;
    private final Map<Call, Progress> progress = new ConcurrentHashMap<>();

    ReplyRetryStrategy(int maxRetries) {
        this(maxRetries, ReplyRetryStrategy::sleep);
    }

    ReplyRetryStrategy(int maxRetries, LongConsumer sleeper) {
        this.maxRetries = maxRetries;
        this.sleeper = sleeper;
    }

    /**
     * Puts these retries on a client, first among its interceptors (so each attempt passes the SDK's credentials
     * filter and gets a current token), with OkHttp's events telling whether each attempt's request was wholly
     * written, and OkHttp's own re-send of a request whose connection dropped turned off: it could post a reply twice.
     */
    OkHttpClient.Builder installOn(OkHttpClient.Builder http) {
        ProgressListener listener = new ProgressListener();
        return http.retryOnConnectionFailure(false)
                .eventListenerFactory(call -> listener)
                .addInterceptor(this);
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        try {
            return withRetries(chain);
        } finally {
            progress.remove(chain.call());
        }
    }

    private Response withRetries(Chain chain) throws IOException {
        Request request = chain.request();
        for (int retry = 0; ; retry++) {
            Progress attempt = new Progress();
            progress.put(chain.call(), attempt);
            Response response;
            try {
                response = chain.proceed(request);
            } catch (IOException e) {
                if (attempt.written) {
                    throw new PossiblyDeliveredException(e);
                }
                if (retry >= maxRetries || chain.call().isCanceled()) {
                    throw e;
                }
                sleeper.accept(delayMillis(retry, BASE_DELAY_MS, MAX_DELAY_MS));
                continue;
            }
            if (response.isSuccessful()) {
                return buffered(response);
            }
            if (retry >= maxRetries || !RETRYABLE.contains(response.code())) {
                return response;
            }
            long retryAfter = retryAfterMillis(response.header("Retry-After"), Clock.systemUTC());
            if (retryAfter > MAX_DELAY_MS) {
                return response; // longer than a turn should wait: KeptReplies sends it when the server allows
            }
            response.close();
            sleeper.accept(Math.max(retryAfter, delayMillis(retry, BASE_DELAY_MS, MAX_DELAY_MS)));
        }
    }

    /**
     * The connector took the reply; its small answer (the new activity's id) is read here, so that a connection lost
     * while reading it cannot surface later as an ordinary IOException and have a delivered reply sent again.
     */
    private static Response buffered(Response response) throws IOException {
        try {
            response.peekBody(MAX_ANSWER_BYTES);
            return response;
        } catch (IOException e) {
            response.close();
            throw new PossiblyDeliveredException(e);
        }
    }

    /** Full jitter: uniformly from 0 to min(cap, base * 2^retry). */
    static long delayMillis(int retry, long base, long cap) {
        long ceiling = Math.min(cap, base << Math.min(retry, 20));
        return ThreadLocalRandom.current().nextLong(ceiling + 1);
    }

    /** Retry-After in seconds or as an HTTP date; 0 when absent or unreadable. */
    static long retryAfterMillis(String retryAfter, Clock clock) {
        if (retryAfter == null || retryAfter.isBlank()) {
            return 0;
        }
        String value = retryAfter.strip();
        try {
            return Math.max(0, Long.parseLong(value)) * 1000;
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                return Math.max(0, Duration.between(clock.instant(), at.toInstant()).toMillis());
            } catch (DateTimeParseException unreadable) {
                return 0;
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One attempt of one call: whether the connector could have the whole request, and no answer yet. */
    private static final class Progress {
        volatile boolean written;
    }

    /** Marks the attempt that {@link #withRetries} registered for the call; calls of other clients have none. */
    private final class ProgressListener extends EventListener {

        private void written(Call call, boolean written) {
            Progress attempt = progress.get(call);
            if (attempt != null) {
                attempt.written = written;
            }
        }

        @Override
        public void requestHeadersEnd(Call call, Request request) {
            if (request.body() == null) {
                written(call, true);
            }
        }

        @Override
        public void requestBodyEnd(Call call, long byteCount) {
            written(call, true);
        }

        @Override
        public void responseHeadersEnd(Call call, Response response) {
            written(call, false); // answered: the status says what happened
        }
    }
}
