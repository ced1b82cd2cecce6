package dev.callcodes.bot.chat;

import dev.callcodes.catalog.intake.PlainText;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * {@code watch}, {@code watch off}, {@code watch status}, {@code watch digest 08:00 Europe/Berlin} and the alert
 * card's {@code watch mute INCIDENT} and {@code watch report INCIDENT}: the second word picks one of these, from
 * this small table.
 */
final class WatchCommand implements ChatCommand {

    static final String USAGE = "Use: watch (alerts here), watch off, watch status, watch digest 08:00 Europe/Berlin.";

    /** The alert card's buttons: their answers go below the alert, which stays as it was. */
    private static final Set<String> BELOW = Set.of("mute", "report");

    private final WatchControl watch;
    private final Map<String, BiFunction<ChatTurn, String, dev.callcodes.cards.Card>> actions;

    WatchCommand(WatchControl watch) {
        this.watch = watch;
        this.actions = Map.of(
                "off", (turn, rest) -> watch.unsubscribe(turn),
                "stop", (turn, rest) -> watch.unsubscribe(turn),
                "status", (turn, rest) -> watch.status(turn),
                "digest", watch::digest,
                "mute", watch::mute,
                "report", watch::report);
    }

    @Override
    public String name() {
        return "watch";
    }

    @Override
    public String description() {
        return "Alerts this chat when Direct Routing calls start failing (watch off, watch status, watch digest 08:00)";
    }

    @Override
    public boolean takesArgument() {
        return true;
    }

    @Override
    public Reply answer(PlainText argument) {
        return answer(argument, ChatTurn.NONE);
    }

    @Override
    public Reply answer(PlainText argument, ChatTurn turn) {
        String text = argument.text().strip();
        if (text.isEmpty()) {
            return new Reply(watch.subscribe(turn), List.of());
        }
        int space = text.indexOf(' ');
        String word = (space < 0 ? text : text.substring(0, space)).toLowerCase(Locale.ROOT);
        String rest = space < 0 ? "" : text.substring(space + 1).strip();
        BiFunction<ChatTurn, String, dev.callcodes.cards.Card> action = actions.get(word);
        if (action == null) {
            return Reply.of(watch.problem("I don't know 'watch " + shorten(word) + "'. " + USAGE));
        }
        Reply reply = Reply.of(action.apply(turn, rest));
        return BELOW.contains(word) ? reply.below() : reply;
    }

    private static String shorten(String word) {
        return word.length() > 40 ? word.substring(0, 40) + "..." : word;
    }
}
