package dev.callcodes.bot.team;

import dev.callcodes.store.ConflictRetry;
import dev.callcodes.store.DocumentStore;
import dev.callcodes.team.conversations.ActivityOnce;
import dev.callcodes.team.conversations.ConversationReferences;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** The team's shared state over the app's one store: activities answered, conversations the bot is in. */
@Configuration(proxyBeanMethods = false)
class TeamConfiguration {

    @Bean
    ActivityOnce activityOnce(DocumentStore store, Clock clock) {
        return new ActivityOnce(store, clock);
    }

    @Bean
    ConversationReferences conversationReferences(DocumentStore store, Clock clock) {
        return new ConversationReferences(store, clock, ConflictRetry.DEFAULT);
    }
}
