package dev.callcodes.bot.teams;

import com.microsoft.bot.builder.Bot;
import com.microsoft.bot.builder.BotAdapter;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.builder.TurnContextImpl;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import com.microsoft.bot.schema.ConversationReference;
import com.microsoft.bot.schema.ResourceResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/** Runs one turn through the SDK's pipeline and keeps what the bot sent, updated and answered. */
final class CapturingAdapter extends BotAdapter {

    final List<Activity> sent = new CopyOnWriteArrayList<>();
    final List<Activity> updated = new CopyOnWriteArrayList<>();
    boolean failUpdates;

    CompletableFuture<Void> turn(Bot bot, Activity activity) {
        TurnContextImpl context = new TurnContextImpl(this, activity);
        return runPipeline(context, bot::onTurn);
    }

    /** The messages sent, without the invoke response. */
    List<Activity> messages() {
        return sent.stream().filter(a -> ActivityTypes.MESSAGE.equals(a.getType())).toList();
    }

    InvokeResponse invokeResponse() {
        return sent.stream().filter(a -> ActivityTypes.INVOKE_RESPONSE.equals(a.getType()))
                .map(a -> (InvokeResponse) a.getValue())
                .findFirst().orElseThrow(() -> new AssertionError("no invoke response in " + sent));
    }

    @Override
    public CompletableFuture<ResourceResponse[]> sendActivities(TurnContext context, List<Activity> activities) {
        List<ResourceResponse> ids = new ArrayList<>();
        for (Activity activity : activities) {
            sent.add(activity);
            ids.add(new ResourceResponse("sent-" + sent.size()));
        }
        return CompletableFuture.completedFuture(ids.toArray(ResourceResponse[]::new));
    }

    @Override
    public CompletableFuture<ResourceResponse> updateActivity(TurnContext context, Activity activity) {
        if (failUpdates) {
            return CompletableFuture.failedFuture(new IllegalStateException("this client cannot update messages"));
        }
        updated.add(activity);
        return CompletableFuture.completedFuture(new ResourceResponse(activity.getId()));
    }

    @Override
    public CompletableFuture<Void> deleteActivity(TurnContext context, ConversationReference reference) {
        return CompletableFuture.completedFuture(null);
    }
}
