package dev.callcodes.bot.team;

import dev.callcodes.bot.chat.ChatTurn;
import dev.callcodes.bot.chat.TeamControl;
import dev.callcodes.cards.Card;
import dev.callcodes.team.TeamStats;
import dev.callcodes.team.Tenants;

/** The team's commands over the store: every answer is about the tenant of the conversation that asked. */
final class TeamChat implements TeamControl {

    private final TeamStats stats;
    private final StatsCards cards;

    TeamChat(TeamStats stats, StatsCards cards) {
        this.stats = stats;
        this.cards = cards;
    }

    @Override
    public Card stats(ChatTurn turn) {
        return cards.stats(stats.report(tenantOf(turn), StatsCards.ROWS));
    }

    /** The tenant from the activity, never from what the user wrote; the local chat page has none. */
    static String tenantOf(ChatTurn turn) {
        return turn.tenantId() == null || turn.tenantId().isBlank() ? Tenants.LOCAL : turn.tenantId();
    }
}
