package dev.callcodes.team.feedback;

/** The votes on one entry: one per user, the latest of each. */
public record Tally(String entryId, int helpful, int notHelpful) {
}
