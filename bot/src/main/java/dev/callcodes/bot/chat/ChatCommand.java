package dev.callcodes.bot.chat;

import dev.callcodes.catalog.intake.PlainText;

/**
 * One thing the bot can be asked, by its first word in chat or by a card button's verb. Registered in
 * {@link ChatRoutes#standard}; the Teams manifest's command list is checked against the typed ones.
 */
public interface ChatCommand {

    /** The first word that selects it in chat, and the verb of the card buttons that run it. */
    String name();

    /** One line on what it does, as the Teams command menu shows it (at most 128 characters). */
    String description();

    /** Whether it uses the words after its name; a command that does not is chosen only when typed alone. */
    boolean takesArgument();

    /** Whether people type it; false for verbs only card buttons send (they are not in the Teams command menu). */
    default boolean typed() {
        return true;
    }

    Reply answer(PlainText argument);

    /** As {@link #answer(PlainText)}, for commands that act on the conversation itself ({@code watch}). */
    default Reply answer(PlainText argument, ChatTurn turn) {
        return answer(argument);
    }
}
