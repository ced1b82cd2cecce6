package dev.callcodes.bot.local;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;

/**
 * The activities the bot sent to the local connector, kept until the page fetches them. Memory stays bounded
 * whatever is posted: per conversation, in conversations (least recently written or read go first) and in bytes.
 * Sequence numbers are shared by all conversations and never reused, so "after N" cannot skip or repeat anything.
 */
final class Mailbox {

    /**
     * One delivered activity.
     *
     * @param seq      its place in the mailbox, increasing
     * @param id       the activity's id
     * @param replaces for an update, the id of the activity it replaces; otherwise null
     * @param activity the activity as the bot sent it
     * @param bytes    its size as received, for the memory budget
     */
    record Entry(long seq, String id, String replaces, JsonNode activity, int bytes) {
    }

    /** Changes when the app restarts, so a page left open knows its "after N" belongs to an older mailbox. */
    private final String epoch = UUID.randomUUID().toString();
    private final int perConversation;
    private final int maxConversations;
    private final long maxBytes;
    private final LinkedHashMap<String, Deque<Entry>> conversations = new LinkedHashMap<>(16, 0.75f, true);
    private long sequence;
    private long bytes;

    Mailbox(int perConversation, int maxConversations, long maxBytes) {
        if (perConversation < 1 || maxConversations < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("mailbox bounds must be positive");
        }
        this.perConversation = perConversation;
        this.maxConversations = maxConversations;
        this.maxBytes = maxBytes;
    }

    String epoch() {
        return epoch;
    }

    synchronized Entry add(String conversationId, String id, String replaces, JsonNode activity, int size) {
        Deque<Entry> entries = conversations.computeIfAbsent(conversationId, key -> new ArrayDeque<>());
        Entry entry = new Entry(++sequence, id, replaces, activity, size);
        entries.addLast(entry);
        bytes += size;
        if (entries.size() > perConversation) {
            bytes -= entries.removeFirst().bytes();
        }
        // Access order puts the conversation just written last, so the loop never reaches it.
        Iterator<Deque<Entry>> oldest = conversations.values().iterator();
        while (conversations.size() > 1 && (conversations.size() > maxConversations || bytes > maxBytes)) {
            bytes -= total(oldest.next());
            oldest.remove();
        }
        while (bytes > maxBytes && entries.size() > 1) {
            bytes -= entries.removeFirst().bytes();
        }
        return entry;
    }

    synchronized List<Entry> after(String conversationId, long after) {
        Deque<Entry> entries = conversations.get(conversationId);
        if (entries == null) {
            return List.of();
        }
        return entries.stream().filter(e -> e.seq() > after).toList();
    }

    /** Whether the conversation still holds an activity with this id; an evicted one cannot be updated. */
    synchronized boolean contains(String conversationId, String id) {
        Deque<Entry> entries = conversations.get(conversationId);
        return entries != null && entries.stream().anyMatch(e -> e.id().equals(id));
    }

    synchronized int conversations() {
        return conversations.size();
    }

    synchronized long bytes() {
        return bytes;
    }

    private static long total(Deque<Entry> entries) {
        return entries.stream().mapToLong(Entry::bytes).sum();
    }
}
