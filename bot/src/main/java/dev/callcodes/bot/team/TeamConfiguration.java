package dev.callcodes.bot.team;

import dev.callcodes.bot.BotSettings;
import dev.callcodes.bot.chat.TeamControl;
import dev.callcodes.catalog.explanation.CallCodes;
import dev.callcodes.store.ConflictRetry;
import dev.callcodes.store.DocumentStore;
import dev.callcodes.store.StoreSettings;
import dev.callcodes.store.memory.MemoryDocumentStore;
import dev.callcodes.team.TeamStats;
import dev.callcodes.team.conversations.ActivityOnce;
import dev.callcodes.team.conversations.ConversationReferences;
import dev.callcodes.team.feedback.Feedback;
import dev.callcodes.team.notes.TeamNotes;
import dev.callcodes.team.usage.UsageCounts;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;

/**
 * The team's shared state over the app's one store: activities answered, conversations the bot is in, usage
 * counts, feedback, and the {@code stats} they make.
 */
@Configuration(proxyBeanMethods = false)
class TeamConfiguration {

    /**
     * Activities answered are marked in memory when the app has the embedded store: that store is one process's (its
     * folder is locked), so the files gave no other instance anything, and marking each chat message there forced
     * four writes to disk before its reply. A restart forgets the marks; a delivery repeated across one is answered
     * again, which the claim already prefers to not answering. In memory they are kept an hour, not a day (a
     * redelivery comes within seconds, and a day of a busy tenant's messages would stay on the heap). Instances
     * sharing Blob Storage mark them there.
     */
    @Bean
    ActivityOnce activityOnce(BotSettings settings, DocumentStore store, Clock clock) {
        if (settings.store().kind() == StoreSettings.Kind.EMBEDDED) {
            return new ActivityOnce(new MemoryDocumentStore(clock, "activities answered"), clock,
                    ActivityOnce.DEFAULT_IN_FLIGHT, REMEMBERED_IN_MEMORY);
        }
        return new ActivityOnce(store, clock);
    }

    static final Duration REMEMBERED_IN_MEMORY = Duration.ofHours(1);

    @Bean
    ConversationReferences conversationReferences(DocumentStore store, Clock clock) {
        return new ConversationReferences(store, clock, ConflictRetry.DEFAULT);
    }

    @Bean
    UsageCounts usageCounts(DocumentStore store, Clock clock) {
        return new UsageCounts(store, clock, ConflictRetry.DEFAULT);
    }

    @Bean(destroyMethod = "close")
    UsageFlusher usageFlusher(UsageCounts usage) {
        return new UsageFlusher(usage);
    }

    @Bean
    UsageRecorder usageRecorder(UsageCounts usage) {
        return new UsageRecorder(usage);
    }

    @Bean
    Feedback feedback(DocumentStore store, Clock clock) {
        return new Feedback(store, clock, ConflictRetry.DEFAULT);
    }

    /** Who may add notes: {@code CALLCODES_NOTE_EDITORS}, read with the other settings. */
    @Bean
    TeamNotes teamNotes(DocumentStore store, Clock clock, BotSettings settings) {
        return new TeamNotes(store, settings.noteEditors(), clock, ConflictRetry.DEFAULT);
    }

    @Bean
    TeamStats teamStats(UsageCounts usage, Feedback feedback) {
        return new TeamStats(usage, feedback);
    }

    @Bean
    StatsCards statsCards(CallCodes codes) {
        return new StatsCards(codes.catalog());
    }

    @Bean
    TeamControl teamControl(TeamStats stats, StatsCards cards, Feedback feedback, UsageCounts usage,
                            TeamNotes notes) {
        return new TeamChat(stats, cards, feedback, usage, notes);
    }
}
