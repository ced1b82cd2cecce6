package dev.callcodes.bot.cli;

/** Wrong use of the command line: the message is the one line the user sees; exit code 2. */
final class UsageException extends Exception {
    UsageException(String message) {
        super(message);
    }
}
