package dev.callcodes.bot.teams;

/**
 * The command ids the bot's message extension answers to, for the manifest's consistency test. The bot keeps them
 * package-private; this test class shares their package from another module instead of widening the bot's API.
 */
public final class ComposeExtensionCommands {

    public static final String SEARCH = MessageExtension.SEARCH_COMMAND;
    public static final String SEARCH_PARAMETER = MessageExtension.QUERY_PARAMETER;
    public static final String EXPLAIN_MESSAGE = MessageAction.EXPLAIN_COMMAND;

    private ComposeExtensionCommands() {
    }
}
