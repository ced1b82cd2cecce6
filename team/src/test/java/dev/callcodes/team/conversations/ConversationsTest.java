package dev.callcodes.team.conversations;

import com.fasterxml.jackson.databind.JsonNode;
import dev.callcodes.store.ConflictRetry;
import dev.callcodes.store.JsonDocuments;
import dev.callcodes.store.MutableClock;
import dev.callcodes.store.Version;
import dev.callcodes.store.embedded.FileDocumentStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class ConversationsTest {

    static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    static final String CHANNEL = "19:abc123@thread.tacv2;messageid=1700000000000";

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock();
    private FileDocumentStore store;

    @BeforeEach
    void open() {
        store = FileDocumentStore.open(dir, clock);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void anActivityIsClaimedOnceUntilItsMarkerExpires() {
        ActivityOnce once = new ActivityOnce(store, clock);
        ActivityOnce otherInstance = new ActivityOnce(store, clock);
        ActivityOnce.Claim claim = once.claim(CHANNEL, "1700000000001").orElseThrow();
        assertThat(otherInstance.claim(CHANNEL, "1700000000001")).as("a redelivery while answering").isEmpty();
        assertThat(otherInstance.claim("19:other@thread.v2", "1700000000001")).as("same id, other conversation")
                .isPresent();
        once.answered(claim);
        clock.advance(Duration.ofHours(23));
        assertThat(otherInstance.claim(CHANNEL, "1700000000001")).as("remembered a day").isEmpty();
        clock.advance(Duration.ofHours(1));
        assertThat(otherInstance.claim(CHANNEL, "1700000000001")).isPresent();
        assertThat(once.claim(CHANNEL, null)).as("no id: always answered").isPresent();
        assertThat(once.claim(CHANNEL, null)).isPresent();
    }

    @Test
    void aClaimOfAnInstanceThatDiedFreesTheActivityAfterTwoMinutes() {
        ActivityOnce once = new ActivityOnce(store, clock);
        once.claim(CHANNEL, "a1").orElseThrow();
        clock.advance(Duration.ofSeconds(119));
        assertThat(once.claim(CHANNEL, "a1")).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(once.claim(CHANNEL, "a1")).isPresent();
        assertThat(once.sweep()).isZero();
    }

    @Test
    void aFailedAnswerFreesTheActivityAtOnce() {
        ActivityOnce once = new ActivityOnce(store, clock);
        ActivityOnce.Claim claim = once.claim(CHANNEL, "a1").orElseThrow();
        once.failed(claim);
        assertThat(once.claim(CHANNEL, "a1")).isPresent();
    }

    @Test
    void conversationReferencesAreStoredListedAndRemoved() throws Exception {
        ConversationReferences references = new ConversationReferences(store, clock, ConflictRetry.DEFAULT);
        JsonNode reference = JsonDocuments.MAPPER.readTree("""
                {"activityId":"1700000000000","user":{"id":"29:1abc"},"bot":{"id":"28:bot"},
                 "conversation":{"id":"%s","conversationType":"channel","tenantId":"%s"},
                 "channelId":"msteams","serviceUrl":"https://smba.trafficmanager.net/emea/"}""".formatted(CHANNEL, TENANT));
        references.save(TENANT, CHANNEL, "channel", "19:team@thread.tacv2", reference);
        Version first = store.entries("conversations/").findFirst().orElseThrow().version();
        clock.advance(Duration.ofMinutes(5));
        references.save(TENANT, CHANNEL, "channel", "19:team@thread.tacv2", reference);
        assertThat(store.entries("conversations/").findFirst().orElseThrow().version())
                .as("saving the same reference writes nothing").isEqualTo(first);
        references.save(TENANT, "a:personal-chat", "personal", null, reference);
        references.save("0b4f1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d", "a:elsewhere", "personal", null, reference);

        assertThat(references.find(TENANT, CHANNEL).orElseThrow().reference()).isEqualTo(reference);
        assertThat(references.list(TENANT)).hasSize(2);
        assertThat(references.all().count()).isEqualTo(3);
        assertThat(references.removeTeam(TENANT, "19:team@thread.tacv2")).isEqualTo(1);
        assertThat(references.remove(TENANT, "a:personal-chat")).isTrue();
        assertThat(references.remove(TENANT, "a:personal-chat")).isFalse();
        assertThat(references.list(TENANT)).isEmpty();
        assertThat(references.all().count()).isEqualTo(1);
    }
}
