package dev.callcodes.bot.chat;

import dev.callcodes.cards.AnswerCards;
import dev.callcodes.catalog.explanation.CallCodes;
import dev.callcodes.catalog.intake.PlainText;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The route table: every chat command and card verb, registered in {@link #standard}. Text whose first word names
 * no command goes to {@code explain}, so "what is 510559 403" and a pasted report need no command word. Text
 * arrives as {@link PlainText}, normalized once where it entered the bot.
 */
public final class ChatRoutes {

    private final Map<String, ChatCommand> commands = new LinkedHashMap<>();
    private final ChatCommand fallback;
    private final AnswerCards cards;
    private final TeamControl team;

    ChatRoutes(List<ChatCommand> commands, ChatCommand fallback, AnswerCards cards) {
        this(commands, fallback, cards, TeamUnavailable.of(cards));
    }

    ChatRoutes(List<ChatCommand> commands, ChatCommand fallback, AnswerCards cards, TeamControl team) {
        for (ChatCommand command : commands) {
            if (this.commands.putIfAbsent(command.name(), command) != null) {
                throw new IllegalArgumentException("two commands are named '" + command.name() + "'");
            }
        }
        if (!this.commands.containsValue(fallback)) {
            throw new IllegalArgumentException("the fallback '" + fallback.name() + "' must be registered too");
        }
        this.fallback = fallback;
        this.cards = cards;
        this.team = team;
    }

    /** The routes without a failure watch or the team's shared state ({@code watch} and {@code stats} say so). */
    public static ChatRoutes standard(CallCodes codes, AnswerCards cards) {
        return standard(codes, cards, WatchUnavailable.of(cards), TeamUnavailable.of(cards));
    }

    /** The one place commands and card verbs are registered. */
    public static ChatRoutes standard(CallCodes codes, AnswerCards cards, WatchControl watch, TeamControl team) {
        ExplainCommand explain = new ExplainCommand(codes, cards);
        return new ChatRoutes(List.of(
                explain,
                new SearchCommand(codes, cards),
                new HelpCommand(cards),
                new OpenCommand(explain),
                new WatchCommand(watch),
                new StatsCommand(team),
                new FeedbackCommand(team, explain),
                new NoteCommand(team, explain)), explain, cards, team);
    }

    /** The commands people type, as the Teams command menu lists them. */
    public List<ChatCommand> commands() {
        return commands.values().stream().filter(ChatCommand::typed).toList();
    }

    /** Every verb card buttons may send, typed commands included. */
    public List<ChatCommand> cardVerbs() {
        return List.copyOf(commands.values());
    }

    /** The card the bot sends when it is installed in a chat, a group or a team. */
    public Reply welcome() {
        return Reply.of(cards.help("Thanks for adding me! I explain the codes of failed Teams calls."));
    }

    /** Answers a chat message (mentions already removed). */
    public Reply answer(PlainText text) {
        return answer(text, ChatTurn.NONE);
    }

    /** Answers a chat message from a conversation (mentions already removed). */
    public Reply answer(PlainText text, ChatTurn turn) {
        return team.withTeam(route(text, turn), turn, null, null);
    }

    private Reply route(PlainText text, ChatTurn turn) {
        String t = text.text();
        if (t.isBlank()) {
            return Reply.of(cards.help("Send me the codes of a failed call, or paste the rows that show them."));
        }
        int start = 0;
        while (start < t.length() && Character.isWhitespace(t.charAt(start))) {
            start++;
        }
        if (start < t.length() && t.charAt(start) == '/') {
            start++;
        }
        int end = start;
        while (end < t.length() && !Character.isWhitespace(t.charAt(end))) {
            end++;
        }
        ChatCommand named = commands.get(t.substring(start, end).toLowerCase(Locale.ROOT));
        if (named != null && named.typed()) {
            PlainText rest = text.from(end);
            if (named.takesArgument() || rest.isBlank()) {
                return named.answer(rest, turn);
            }
        }
        return fallback.answer(text);
    }

    /** Answers a card button: its verb names the command, its text is the argument. */
    public Reply answerAction(String verb, String text) {
        return answerAction(verb, text, ChatTurn.NONE);
    }

    /** Answers a card button pressed in a conversation, by the person {@code turn} names. */
    public Reply answerAction(String verb, String text, ChatTurn turn) {
        ChatCommand command = verb == null ? null : commands.get(verb.toLowerCase(Locale.ROOT));
        if (command == null) {
            return Reply.of(cards.help("That button belongs to an older card I no longer understand. Type the"
                    + " codes instead."));
        }
        return team.withTeam(command.answer(PlainText.of(text == null ? "" : text), turn), turn, null, null);
    }
}
