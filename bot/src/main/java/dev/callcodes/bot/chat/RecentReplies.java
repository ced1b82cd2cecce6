package dev.callcodes.bot.chat;

import dev.callcodes.catalog.intake.PlainText;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The replies to the latest short questions, by their text. During an outage a support team asks about the same few
 * codes again and again, and a question's reply depends on its text alone: the catalog never changes under a running
 * bot, and a card is not changed once made (team notes and feedback go on a copy). So reading the text, explaining
 * it and filling its cards, about half of a message's turn, are done once per text. Pastes are not kept: they are
 * rarely sent twice, and their cards would fill the heap.
 */
final class RecentReplies {

    /** Longer texts are answered every time. "what is 510559 403 and 560403 503" is 34 characters. */
    static final int MAX_TEXT_CHARS = 200;
    /** A reply's cards as Jackson trees are tens of KB each: 64 replies hold a few MB. */
    static final int MAX_REPLIES = 64;

    private final int maxReplies;
    private final Map<String, Reply> replies;

    RecentReplies() {
        this(MAX_REPLIES);
    }

    RecentReplies(int maxReplies) {
        this.maxReplies = maxReplies;
        this.replies = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Reply> eldest) {
                return size() > RecentReplies.this.maxReplies;
            }
        };
    }

    /** The kept reply to this text, or {@code answering}'s, kept when the text is short. */
    Reply answer(PlainText text, Function<PlainText, Reply> answering) {
        String key = text.text();
        if (key.length() > MAX_TEXT_CHARS) {
            return answering.apply(text);
        }
        synchronized (replies) {
            Reply known = replies.get(key);
            if (known != null) {
                return known;
            }
        }
        // Answered outside the lock: two first askers may both answer, and either reply is the same.
        Reply made = answering.apply(text);
        synchronized (replies) {
            replies.put(key, made);
        }
        return made;
    }
}
