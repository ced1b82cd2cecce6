package dev.callcodes.bot.store;

import dev.callcodes.bot.BotSettings;
import dev.callcodes.store.DocumentStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** The one store of the app (notes, feedback, usage, activities, conversations, the watch's state) and its clock. */
@Configuration(proxyBeanMethods = false)
class StoreConfiguration {

    /** One clock for everything that stores times, so a test can move it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean(destroyMethod = "close")
    DocumentStore documentStore(BotSettings settings, Clock clock) {
        return Stores.open(settings.store(), clock);
    }
}
