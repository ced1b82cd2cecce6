package dev.callcodes.team.feedback;

import dev.callcodes.store.ConflictRetry;
import dev.callcodes.store.MutableClock;
import dev.callcodes.store.embedded.FileDocumentStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FeedbackTest {

    static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock();
    private FileDocumentStore store;
    private Feedback feedback;

    @BeforeEach
    void open() {
        store = FileDocumentStore.open(dir, clock);
        feedback = new Feedback(store, clock, ConflictRetry.DEFAULT);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void oneVotePerUserAndALaterVoteReplacesTheEarlier() {
        assertThat(feedback.vote(TENANT, "dr-510559-403", "user-a", Vote.HELPFUL, null))
                .isEqualTo(new Tally("dr-510559-403", 1, 0));
        assertThat(feedback.vote(TENANT, "dr-510559-403", "USER-A", Vote.HELPFUL, null))
                .as("the same user, ids compared without case").isEqualTo(new Tally("dr-510559-403", 1, 0));
        assertThat(feedback.vote(TENANT, "dr-510559-403", "user-a", Vote.NOT_HELPFUL, "Steps did not match our SBC"))
                .isEqualTo(new Tally("dr-510559-403", 0, 1));
        feedback.vote(TENANT, "dr-510559-403", "user-b", Vote.HELPFUL, "  ");
        assertThat(feedback.tally(TENANT, "dr-510559-403")).isEqualTo(new Tally("dr-510559-403", 1, 1));
        assertThat(feedback.voteOf(TENANT, "dr-510559-403", "user-a").orElseThrow())
                .isEqualTo(new Ballot(Vote.NOT_HELPFUL, "Steps did not match our SBC", clock.instant()));
        assertThat(feedback.voteOf(TENANT, "dr-510559-403", "user-b").orElseThrow().comment()).isNull();
        assertThat(feedback.voteOf(TENANT, "dr-510559-403", "user-c")).isEmpty();
        assertThat(feedback.tally("0b4f1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d", "dr-510559-403"))
                .isEqualTo(new Tally("dr-510559-403", 0, 0));
    }

    @Test
    void theMostNotHelpfulEntriesComeFirst() {
        for (int i = 0; i < 3; i++) {
            feedback.vote(TENANT, "dr-560403-403", "u" + i, Vote.NOT_HELPFUL, null);
        }
        feedback.vote(TENANT, "acs-pstn-500", "u1", Vote.NOT_HELPFUL, null);
        feedback.vote(TENANT, "acs-pstn-500", "u2", Vote.HELPFUL, null);
        feedback.vote(TENANT, "graph-4097-200", "u1", Vote.NOT_HELPFUL, null);
        feedback.vote(TENANT, "dr-510559-403", "u1", Vote.HELPFUL, null);
        assertThat(feedback.mostNotHelpful(TENANT, 10)).containsExactly(
                new Tally("dr-560403-403", 0, 3), new Tally("graph-4097-200", 0, 1), new Tally("acs-pstn-500", 1, 1));
        assertThat(feedback.mostNotHelpful(TENANT, 1)).hasSize(1);
    }

    @Test
    void commentsArePlainTextOfAtMost500Characters() {
        assertThatThrownBy(() -> feedback.vote(TENANT, "dr-510559-403", "u", Vote.HELPFUL, "x".repeat(501)))
                .hasMessage("The comment has 501 characters; the most is 500");
        assertThatThrownBy(() -> feedback.vote(TENANT, "Not An Id", "u", Vote.HELPFUL, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("entry id");
        assertThatThrownBy(() -> feedback.vote(TENANT, "dr-510559-403", " ", Vote.HELPFUL, null))
                .hasMessageContaining("user");
    }
}
