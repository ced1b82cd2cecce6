package dev.callcodes.team.feedback;

import java.time.Instant;

/** One user's current vote on one entry, with an optional comment. */
public record Ballot(Vote vote, String comment, Instant at) {
}
