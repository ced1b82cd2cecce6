package dev.callcodes.manifest;

import dev.callcodes.bot.chat.ChatRoutes;
import dev.callcodes.bot.teams.ComposeExtensionCommands;
import dev.callcodes.cards.AnswerCards;
import dev.callcodes.catalog.Catalog;
import dev.callcodes.catalog.explanation.CallCodes;

import java.util.List;

/** What the bot answers to, which the manifest must declare: chat commands and the message extension's commands. */
record BotSurface(List<Command> commands, String searchCommand, String searchParameter, String actionCommand) {

    record Command(String name, String description) {
    }

    /** Read from the bot itself: its route table, built as the app builds it, and its extension's command ids. */
    static BotSurface ofTheBot() {
        Catalog catalog = Catalog.loadEmbedded();
        ChatRoutes routes = ChatRoutes.standard(CallCodes.of(catalog), new AnswerCards(catalog));
        return new BotSurface(
                routes.commands().stream().map(c -> new Command(c.name(), c.description())).toList(),
                ComposeExtensionCommands.SEARCH,
                ComposeExtensionCommands.SEARCH_PARAMETER,
                ComposeExtensionCommands.EXPLAIN_MESSAGE);
    }
}
