package dev.callcodes.watch.state;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.Map;

/**
 * One SBC's calls in one UTC hour (by start time): the history that baselines, "never seen" and digests read.
 *
 * @param hour  epoch hours (epoch seconds / 3600)
 * @param pairs failures by pair key ({@code 510559/403})
 */
@JsonFormat(shape = JsonFormat.Shape.ARRAY)
@JsonPropertyOrder({"hour", "sbc", "calls", "failed", "pairs"})
public record HourBucket(long hour, String sbc, int calls, int failed, Map<String, Integer> pairs) {
}
