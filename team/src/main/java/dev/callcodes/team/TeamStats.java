package dev.callcodes.team;

import dev.callcodes.team.feedback.Feedback;
import dev.callcodes.team.feedback.Tally;
import dev.callcodes.team.feedback.Vote;
import dev.callcodes.team.usage.DayCounts;
import dev.callcodes.team.usage.UsageCounts;

import java.util.List;

/**
 * What the {@code stats} command and {@code GET /api/stats} show for a tenant: the pairs asked most in the last 7 and
 * 30 days (UTC, today included), the unknown codes asked in the last 30, feedback given, and the entries with the most
 * "not helpful" votes (current votes, all time).
 */
public final class TeamStats {

    public static final int WEEK = 7;
    public static final int MONTH = 30;

    private final UsageCounts usage;
    private final Feedback feedback;

    public TeamStats(UsageCounts usage, Feedback feedback) {
        this.usage = usage;
        this.feedback = feedback;
    }

    public record Report(List<UsageCounts.PairCount> topPairsWeek, List<UsageCounts.PairCount> topPairsMonth,
                         List<UsageCounts.PairCount> unknownCodesMonth, long helpfulMonth, long notHelpfulMonth,
                         List<Tally> mostNotHelpful) {
    }

    public Report report(String tenantId, int limit) {
        DayCounts week = usage.lastDays(tenantId, WEEK);
        DayCounts month = usage.lastDays(tenantId, MONTH);
        return new Report(UsageCounts.top(week, limit), UsageCounts.top(month, limit),
                UsageCounts.unknown(month, limit),
                month.feedback().getOrDefault(Vote.HELPFUL, 0L), month.feedback().getOrDefault(Vote.NOT_HELPFUL, 0L),
                feedback.mostNotHelpful(tenantId, limit));
    }
}
