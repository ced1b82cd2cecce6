package dev.callcodes.bot.teams;

import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.teams.TeamInfo;
import com.microsoft.bot.schema.teams.TeamsChannelData;
import com.microsoft.bot.schema.teams.TenantInfo;
import dev.callcodes.catalog.Catalog;
import dev.callcodes.bot.chat.AnswerMetrics;
import dev.callcodes.bot.chat.ChatRoutes;
import dev.callcodes.bot.chat.CodeQueries;
import dev.callcodes.bot.chat.Failures;
import dev.callcodes.cards.AnswerCards;
import dev.callcodes.catalog.explanation.CallCodes;
import dev.callcodes.store.ConflictRetry;
import dev.callcodes.store.embedded.FileDocumentStore;
import dev.callcodes.team.Tenants;
import dev.callcodes.team.conversations.ConversationReferences;
import dev.callcodes.team.conversations.StoredConversation;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/** Bot turns through the SDK pipeline with the recorder in it, on an embedded store in a temporary folder. */
class ConversationRecorderTest {

    private static final String TENANT = "8f5a2c1e-0000-4000-8000-00000000c0de";
    private static final String CHANNEL = "19:support@thread.tacv2";
    private static final String TEAM = "19:team-general@thread.tacv2";
    private static final AnswerCards CARDS = new AnswerCards(Catalog.loadEmbedded());
    private static CallCodes codes;

    @TempDir
    Path data;

    private final MovableClock clock = new MovableClock();
    private FileDocumentStore store;
    private ConversationReferences conversations;
    private CapturingAdapter adapter;
    private CallCodesBot bot;

    @BeforeAll
    static void loadCatalog() {
        codes = CallCodes.embedded();
    }

    @BeforeEach
    void setUp() {
        store = FileDocumentStore.open(data, clock);
        conversations = new ConversationReferences(store, clock, ConflictRetry.DEFAULT);
        AnswerMetrics metrics = new AnswerMetrics(new SimpleMeterRegistry());
        Failures failures = new Failures(metrics);
        ChatRoutes routes = ChatRoutes.standard(codes, CARDS);
        adapter = new CapturingAdapter();
        adapter.setOnTurnError(new TurnErrorHandler(failures));
        adapter.use(new ConversationRecorder(conversations));
        bot = new CallCodesBot(routes, CARDS, new MessageExtension(new CodeQueries(codes), CARDS),
                new MessageAction(routes, CARDS), new ReportUploads(codes, CARDS, new FileTransfers(
                        () -> mock(HttpClient.class), FileTransfers.TEAMS_LINKS, Duration.ofSeconds(5)), 1024 * 1024),
                metrics, failures, false);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    private void turn(Activity activity) {
        adapter.turn(bot, activity).join();
    }

    private static <T extends Activity> T inTenant(T activity) {
        activity.getConversation().setTenantId(TENANT);
        return activity;
    }

    private static Activity inTeam(Activity activity) {
        TeamsChannelData data = new TeamsChannelData();
        data.setTeam(new TeamInfo(TEAM, "Voice team", null));
        data.setTenant(new TenantInfo(TENANT));
        activity.setChannelData(data);
        return activity;
    }

    @Test
    void aPersonalMessageKeepsTheChatsReferenceWithoutTheActivity() {
        Activity message = inTenant(Activities.personal("what is 510559 403"));

        turn(message);

        assertThat(adapter.messages()).hasSize(1);
        StoredConversation stored = conversations.find(TENANT, "a:personal-chat").orElseThrow();
        assertThat(stored.conversationType()).isEqualTo("personal");
        assertThat(stored.teamId()).isNull();
        assertThat(stored.reference().path("conversation").path("id").asText()).isEqualTo("a:personal-chat");
        assertThat(stored.reference().path("serviceUrl").asText()).isEqualTo("https://smba.trafficmanager.net/emea/");
        assertThat(stored.reference().path("bot").path("id").asText()).isEqualTo(Activities.BOT_ID);
        assertThat(stored.reference().has("activityId")).isFalse();
    }

    @Test
    void aChannelPostKeepsTheChannelNotTheThreadWithItsTeamAndTenantFromChannelData() {
        turn(inTeam(Activities.channelMention("560403")));

        assertThat(conversations.list(TENANT)).singleElement().satisfies(stored -> {
            assertThat(stored.conversationId()).isEqualTo(CHANNEL);
            assertThat(stored.teamId()).isEqualTo(TEAM);
            assertThat(stored.reference().path("conversation").path("id").asText()).isEqualTo(CHANNEL);
        });
    }

    @Test
    void theSameConversationAgainIsNotWrittenAgain() {
        turn(inTenant(Activities.personal("560403")));
        var first = conversations.find(TENANT, "a:personal-chat").orElseThrow().savedAt();
        clock.advance(Duration.ofHours(1));

        turn(inTenant(Activities.personal("help")));

        assertThat(conversations.find(TENANT, "a:personal-chat").orElseThrow().savedAt()).isEqualTo(first);
        assertThat(conversations.list(TENANT)).hasSize(1);
    }

    /** An unchanged reference skips the store for a while: another instance's removal is undone only later. */
    @Test
    void aReferenceRemovedElsewhereIsWrittenBackOnceTheInstanceSavesAgain() {
        turn(inTenant(Activities.personal("560403")));
        // Another instance on the same store: this one does not see the removal.
        new ConversationReferences(store, clock, ConflictRetry.DEFAULT).remove(TENANT, "a:personal-chat");

        clock.advance(ConversationReferences.RESAVE_AFTER.minusSeconds(1));
        turn(inTenant(Activities.personal("help")));
        assertThat(conversations.find(TENANT, "a:personal-chat")).isEmpty();

        clock.advance(Duration.ofSeconds(1));
        turn(inTenant(Activities.personal("help")));
        assertThat(conversations.find(TENANT, "a:personal-chat")).isPresent();
    }

    @Test
    void anActivityWithoutATenantIsTheLocalOne() {
        turn(Activities.personal("560403"));

        assertThat(conversations.list(Tenants.LOCAL)).extracting(StoredConversation::conversationId)
                .containsExactly("a:personal-chat");
    }

    @Test
    void installKeepsItAndUninstallForgetsIt() {
        turn(inTenant(Activities.installed()));
        assertThat(adapter.messages()).hasSize(1); // the welcome
        assertThat(conversations.find(TENANT, "a:personal-chat")).isPresent();

        Activity uninstalled = inTenant(Activities.installed());
        uninstalled.setAction("remove");
        turn(uninstalled);

        assertThat(conversations.find(TENANT, "a:personal-chat")).isEmpty();
        assertThat(adapter.messages()).hasSize(1);
    }

    @Test
    void theBotRemovedFromATeamForgetsEveryChannelOfTheTeamButNotOtherChats() {
        turn(inTeam(Activities.channelMention("560403")));
        Activity other = inTeam(Activities.base(ActivityTypes.MESSAGE, "channel", "19:sbc-alerts@thread.tacv2"));
        other.setText("560403");
        turn(other);
        turn(inTenant(Activities.personal("560403")));
        assertThat(conversations.list(TENANT)).hasSize(3);

        Activity removed = inTeam(Activities.base(ActivityTypes.CONVERSATION_UPDATE, "channel", TEAM));
        removed.setMembersRemoved(List.of(new ChannelAccount(Activities.BOT_ID, Activities.BOT_NAME)));
        turn(removed);

        assertThat(conversations.list(TENANT)).extracting(StoredConversation::conversationId)
                .containsExactly("a:personal-chat");
    }

    @Test
    void someoneElseLeavingATeamForgetsNothing() {
        turn(inTeam(Activities.channelMention("560403")));

        Activity left = inTeam(Activities.base(ActivityTypes.CONVERSATION_UPDATE, "channel", TEAM));
        left.setMembersRemoved(List.of(new ChannelAccount("29:someone", "Sam")));
        turn(left);

        assertThat(conversations.list(TENANT)).extracting(StoredConversation::conversationId)
                .contains(CHANNEL);
    }
}
