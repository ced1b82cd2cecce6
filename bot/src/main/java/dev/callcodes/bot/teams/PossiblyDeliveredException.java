package dev.callcodes.bot.teams;

import java.io.IOException;

/**
 * A send that failed after the connector had the whole request and before it answered (or while its success answer
 * was read): the reply may be in the conversation already, so it is never sent again.
 */
final class PossiblyDeliveredException extends IOException {

    PossiblyDeliveredException(IOException cause) {
        super("the connector may have the reply already: " + cause, cause);
    }
}
