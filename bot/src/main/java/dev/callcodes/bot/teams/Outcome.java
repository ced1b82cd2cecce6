package dev.callcodes.bot.teams;

import dev.callcodes.catalog.explain.Answer;

import java.util.List;

/** An invoke's response, and the answers in it for the metrics. */
record Outcome<T>(T response, List<Answer> answers) {
}
