package dev.callcodes.bot.cli;

/** A file (or standard input) the command line could not read: the message is the one line shown; exit code 3. */
final class InputException extends Exception {
    InputException(String message) {
        super(message);
    }
}
