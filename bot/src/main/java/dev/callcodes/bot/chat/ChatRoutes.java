package dev.callcodes.bot.chat;

import dev.callcodes.cards.AnswerCards;
import dev.callcodes.catalog.explain.Explainer;
import dev.callcodes.catalog.report.Reports;
import dev.callcodes.catalog.search.CatalogSearch;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The route table: every chat command and card verb, registered in {@link #standard}. Text whose first word names
 * no command goes to {@code explain}, so "what is 510559 403" and a pasted report need no command word.
 */
public final class ChatRoutes {

    private static final Pattern FIRST_WORD = Pattern.compile("^\\s*/?(\\S+)\\s*(.*)$", Pattern.DOTALL);

    private final Map<String, ChatCommand> commands = new LinkedHashMap<>();
    private final ChatCommand fallback;
    private final AnswerCards cards;

    ChatRoutes(List<ChatCommand> commands, ChatCommand fallback, AnswerCards cards) {
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
    }

    /** The one place commands are registered. */
    public static ChatRoutes standard(Reports reports, CatalogSearch search, AnswerCards cards) {
        ExplainCommand explain = new ExplainCommand(reports, cards);
        return new ChatRoutes(List.of(
                explain,
                new SearchCommand(search, reports.explainer(), cards),
                new HelpCommand(cards)), explain, cards);
    }

    /** The standard routes on their own report reader (tests, the manifest check). */
    public static ChatRoutes standard(Explainer explainer, CatalogSearch search, AnswerCards cards) {
        return standard(new Reports(explainer), search, cards);
    }

    public List<ChatCommand> commands() {
        return List.copyOf(commands.values());
    }

    /** The card the bot sends when it is installed in a chat, a group or a team. */
    public Reply welcome() {
        return Reply.of(cards.help("Thanks for adding me! I explain the codes of failed Teams calls."));
    }

    /** Answers a chat message (mentions already removed). */
    public Reply answer(String text) {
        if (text == null || text.isBlank()) {
            return Reply.of(cards.help("Send me the codes of a failed call, or paste the rows that show them."));
        }
        var matcher = FIRST_WORD.matcher(text);
        if (matcher.matches()) {
            ChatCommand named = commands.get(matcher.group(1).toLowerCase(Locale.ROOT));
            String rest = matcher.group(2).strip();
            if (named != null && (named.takesArgument() || rest.isEmpty())) {
                return named.answer(rest);
            }
        }
        return fallback.answer(text);
    }

    /** Answers a card button: its verb names the command, its text is the argument. */
    public Reply answerAction(String verb, String text) {
        ChatCommand command = verb == null ? null : commands.get(verb.toLowerCase(Locale.ROOT));
        if (command == null) {
            return Reply.of(cards.help("That button belongs to an older card I no longer understand. Type the"
                    + " codes instead."));
        }
        return command.answer(text == null ? "" : text);
    }
}
