package dev.callcodes.bot.chat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.callcodes.cards.Card;
import dev.callcodes.catalog.intake.PlainText;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

class RecentRepliesTest {

    private final List<String> answered = new ArrayList<>();
    private final Function<PlainText, Reply> answering = text -> {
        answered.add(text.text());
        return Reply.of(new Card("help", JsonNodeFactory.instance.objectNode().put("text", text.text()), text.text()));
    };

    @Test
    void aShortQuestionAskedAgainGetsTheKeptReplyWithoutBeingAnsweredAgain() {
        RecentReplies recent = new RecentReplies();

        Reply first = recent.answer(PlainText.of("what is 510559 403"), answering);
        Reply second = recent.answer(PlainText.of("what is 510559 403"), answering);

        assertThat(second).isSameAs(first);
        assertThat(answered).containsExactly("what is 510559 403");
    }

    @Test
    void aLongerTextIsAnsweredEveryTime() {
        RecentReplies recent = new RecentReplies();
        String paste = "510559 403 ".repeat(RecentReplies.MAX_TEXT_CHARS / 11 + 1);

        recent.answer(PlainText.of(paste), answering);
        recent.answer(PlainText.of(paste), answering);

        assertThat(answered).hasSize(2);
    }

    @Test
    void theLeastRecentlyAskedIsDroppedFirstWhenFull() {
        RecentReplies recent = new RecentReplies(2);
        recent.answer(PlainText.of("560403"), answering);
        recent.answer(PlainText.of("SIP 488"), answering);
        recent.answer(PlainText.of("560403"), answering); // asked again: now the most recent

        recent.answer(PlainText.of("510559 403"), answering); // drops SIP 488
        recent.answer(PlainText.of("560403"), answering);
        recent.answer(PlainText.of("SIP 488"), answering);

        assertThat(answered).containsExactly("560403", "SIP 488", "510559 403", "SIP 488");
    }
}
