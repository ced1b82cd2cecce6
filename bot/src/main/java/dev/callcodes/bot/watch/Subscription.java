package dev.callcodes.bot.watch;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A conversation that asked for the watch's alerts ({@code watch}).
 *
 * @param reference      the Bot Framework conversation reference as the SDK wrote it, for proactive messages
 * @param digest         {@code 08:00 Europe/Berlin} when it also wants the daily digest, else null
 * @param lastDigestDay  the last day a digest reported to it, so each day goes out once
 */
record Subscription(String tenantId, String conversationId, String conversationType, JsonNode reference,
                    Instant since, String digest, LocalDate lastDigestDay) {

    Subscription withDigest(String schedule) {
        return new Subscription(tenantId, conversationId, conversationType, reference, since, schedule, null);
    }

    Subscription withLastDigestDay(LocalDate day) {
        return new Subscription(tenantId, conversationId, conversationType, reference, since, digest, day);
    }
}
