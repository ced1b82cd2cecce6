package dev.callcodes.bot;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A bad setting stops the app with one readable paragraph instead of a bean-creation stack trace. */
class SettingsFailureAnalyzer extends AbstractFailureAnalyzer<BotSettings.SettingsException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, BotSettings.SettingsException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Fix that environment variable and start the bot again. Run without MicrosoftAppId and"
                        + " MicrosoftAppPassword to try it locally.", cause);
    }
}
