package dev.callcodes.bot.api;

import dev.callcodes.bot.server.Problem;

/** A request the API refuses; the message names the field and says what to send instead. */
final class ApiException extends RuntimeException {

    private final Problem kind;
    private final String field;

    ApiException(Problem kind, String field, String message) {
        super(message);
        this.kind = kind;
        this.field = field;
    }

    Problem kind() {
        return kind;
    }

    String field() {
        return field;
    }
}
