package dev.callcodes.bot.teams;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Kept replies in this process's memory, in the order they were kept, bounded by count and by the characters of
 * their JSON (a ten-card carousel is tens of kilobytes). Lost on restart: the bounded window ({@link KeptReplies})
 * is meant for short outages, and a shared store can take this one's place behind {@link PendingReplies}.
 */
final class InMemoryPendingReplies implements PendingReplies {

    private final int maxReplies;
    private final long maxChars;
    private final Map<String, PendingReply> replies = new LinkedHashMap<>();
    private final Set<String> claimed = new HashSet<>();
    private final Map<String, Integer> perConversation = new HashMap<>();
    private long chars;

    InMemoryPendingReplies(int maxReplies, long maxChars) {
        this.maxReplies = maxReplies;
        this.maxChars = maxChars;
    }

    @Override
    public synchronized boolean add(PendingReply reply) {
        long size = reply.activityJson().length();
        if (replies.size() >= maxReplies || chars + size > maxChars) {
            return false;
        }
        replies.put(reply.reference(), reply);
        perConversation.merge(reply.conversationId(), 1, Integer::sum);
        chars += size;
        return true;
    }

    @Override
    public synchronized List<PendingReply> due(Instant now) {
        List<PendingReply> due = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (PendingReply reply : replies.values()) {
            if (seen.add(reply.conversationId()) && !claimed.contains(reply.reference())
                    && !reply.nextAttempt().isAfter(now)) {
                due.add(reply);
            }
        }
        return due;
    }

    @Override
    public synchronized boolean claim(String reference) {
        return replies.containsKey(reference) && claimed.add(reference);
    }

    @Override
    public synchronized void retryLater(PendingReply reply) {
        if (replies.replace(reply.reference(), reply) != null) {
            claimed.remove(reply.reference());
        }
    }

    @Override
    public synchronized void remove(String reference) {
        PendingReply removed = replies.remove(reference);
        claimed.remove(reference);
        if (removed != null) {
            chars -= removed.activityJson().length();
            perConversation.computeIfPresent(removed.conversationId(), (c, n) -> n == 1 ? null : n - 1);
        }
    }

    @Override
    public synchronized boolean holdsConversation(String conversationId) {
        return perConversation.containsKey(conversationId);
    }

    @Override
    public synchronized int size() {
        return replies.size();
    }
}
