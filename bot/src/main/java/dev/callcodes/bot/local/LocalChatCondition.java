package dev.callcodes.bot.local;

import dev.callcodes.bot.BotSettings;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The local chat page and its connector accept anyone who can reach the port, as the bot itself does when it runs
 * without an app ID. A bot registered in Azure must not offer a way around its authentication, so any app ID turns
 * the whole local package off.
 */
final class LocalChatCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        try {
            return BotSettings.from(context.getEnvironment()::getProperty).localChatEnabled();
        } catch (BotSettings.SettingsException e) {
            // The settings bean reports the bad value and stops the app; until then the page stays off.
            return false;
        }
    }
}
