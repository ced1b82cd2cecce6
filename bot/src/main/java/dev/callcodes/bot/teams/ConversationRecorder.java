package dev.callcodes.bot.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.builder.Middleware;
import com.microsoft.bot.builder.NextDelegate;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.Serialization;
import com.microsoft.bot.schema.teams.TeamsChannelData;
import dev.callcodes.store.StoreException;
import dev.callcodes.team.Tenants;
import dev.callcodes.team.conversations.ConversationReferences;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Keeps the conversation reference of every conversation the bot is in (for proactive messages), from whatever
 * activity arrives there; forgets it when the app is uninstalled there or the bot is removed from it. A store that
 * fails is logged and the turn goes on: the next activity saves the reference again.
 */
final class ConversationRecorder implements Middleware {

    private static final Logger LOG = LoggerFactory.getLogger(ConversationRecorder.class);
    private static final String THREAD = ";messageid=";

    private final ConversationReferences conversations;

    ConversationRecorder(ConversationReferences conversations) {
        this.conversations = conversations;
    }

    @Override
    public CompletableFuture<Void> onTurn(TurnContext turn, NextDelegate next) {
        Activity in = turn.getActivity();
        if (in.getConversation() != null && in.getConversation().getId() != null) {
            try {
                record(in);
            } catch (StoreException | IllegalArgumentException e) {
                LOG.warn("Could not record the {} conversation ({})", in.getConversation().getConversationType(),
                        e.getClass().getSimpleName());
            }
        }
        return next.next();
    }

    private void record(Activity in) {
        // The SDK converts channelData anew on every call: once here for both the tenant and the team.
        TeamsChannelData data = channelData(in);
        String tenant = tenantOf(in, () -> data);
        String conversation = channelOf(in.getConversation().getId());
        String teamId = data == null || data.getTeam() == null ? null : data.getTeam().getId();
        if (removesTheBot(in)) {
            boolean removed = conversations.remove(tenant, conversation);
            int channels = teamId == null ? 0 : conversations.removeTeam(tenant, teamId);
            LOG.info("Removed from a {} conversation: {} reference(s) forgotten",
                    in.getConversation().getConversationType(), (removed ? 1 : 0) + channels);
            return;
        }
        conversations.save(tenant, conversation, in.getConversation().getConversationType(), teamId, reference(in));
    }

    /** The app uninstalled there, or the bot among the members removed. */
    static boolean removesTheBot(Activity in) {
        if (ActivityTypes.INSTALLATION_UPDATE.equals(in.getType())) {
            return in.getAction() != null && in.getAction().startsWith("remove");
        }
        if (ActivityTypes.CONVERSATION_UPDATE.equals(in.getType()) && in.getRecipient() != null) {
            List<ChannelAccount> removed = in.getMembersRemoved();
            return removed != null && removed.stream().anyMatch(m -> in.getRecipient().getId().equals(m.getId()));
        }
        return false;
    }

    /**
     * The reference of the conversation itself: a channel rather than the thread of this post, and without this
     * activity's id, so it stays the same from one activity to the next and is written once.
     */
    static JsonNode reference(Activity in) {
        JsonNode tree = Serialization.objectToTree(in.getConversationReference());
        if (tree instanceof ObjectNode reference) {
            reference.remove("activityId");
            if (reference.path("conversation") instanceof ObjectNode conversation && conversation.has("id")) {
                conversation.put("id", channelOf(conversation.get("id").asText()));
            }
        }
        return tree;
    }

    static String channelOf(String conversationId) {
        int thread = conversationId.indexOf(THREAD);
        return thread < 0 ? conversationId : conversationId.substring(0, thread);
    }

    /** The tenant an activity comes from; the local chat page's, which carry none, are {@link Tenants#LOCAL}. */
    static String tenantOf(Activity in) {
        return tenantOf(in, () -> channelData(in));
    }

    /** {@code channelData} is asked only when the conversation names no tenant. */
    private static String tenantOf(Activity in, Supplier<TeamsChannelData> channelData) {
        String tenant = in.getConversation() == null ? null : in.getConversation().getTenantId();
        if (tenant == null || tenant.isBlank()) {
            TeamsChannelData data = channelData.get();
            tenant = data == null || data.getTenant() == null ? null : data.getTenant().getId();
        }
        return tenant == null || tenant.isBlank() ? Tenants.LOCAL : tenant;
    }

    private static TeamsChannelData channelData(Activity in) {
        if (in.getChannelData() == null) {
            return null;
        }
        try {
            return in.getChannelData(TeamsChannelData.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            return null;
        }
    }
}
