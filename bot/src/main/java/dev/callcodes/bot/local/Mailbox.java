package dev.callcodes.bot.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The activities the bot sent to the local connector, kept until the page fetches them. Memory stays bounded
 * whatever is posted: per conversation, in conversations (least recently written or read go first) and in bytes.
 * Sequence numbers are shared by all conversations and never reused, so "after N" cannot skip or repeat anything.
 *
 * <p>The byte budget counts what the heap really holds. Activities are kept as their JSON bytes, not as parsed
 * trees: a card's Jackson tree takes about six times its JSON (a 32 MiB budget held 201 MB of trees), the bytes
 * take their length plus a fixed overhead, which {@link #retainedBytes} adds.
 */
final class Mailbox {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** An entry's record, its array's header and its slot in the queue, on a 64-bit JVM, rounded up. */
    static final int ENTRY_OVERHEAD = 96;
    /** A conversation's key, queue and map entry, apart from its activities. */
    static final int CONVERSATION_OVERHEAD = 256;

    /**
     * One delivered activity.
     *
     * @param seq      its place in the mailbox, increasing
     * @param id       the activity's id
     * @param replaces for an update, the id of the activity it replaces; otherwise null
     * @param json     the activity as the bot sent it, serialized
     * @param bytes    what the entry holds on the heap, for the memory budget
     */
    record Entry(long seq, String id, String replaces, byte[] json, long bytes) {
        /** The activity, parsed again (the feed writes the bytes as they are). */
        JsonNode activity() {
            try {
                return JSON.readTree(json);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The heap an entry takes: its bytes, its strings (two bytes a character at most) and the fixed overhead. */
    static long retainedBytes(byte[] json, String id, String replaces) {
        return align(16 + json.length) + ENTRY_OVERHEAD + string(id) + string(replaces);
    }

    private static long string(String s) {
        return s == null ? 0 : 24 + align(16 + 2L * s.length());
    }

    private static long align(long bytes) {
        return (bytes + 7) & ~7L;
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

    synchronized Entry add(String conversationId, String id, String replaces, byte[] activityJson) {
        Deque<Entry> entries = conversations.get(conversationId);
        if (entries == null) {
            entries = new ArrayDeque<>();
            conversations.put(conversationId, entries);
            bytes += conversationBytes(conversationId);
        }
        Entry entry = new Entry(++sequence, id, replaces, activityJson, retainedBytes(activityJson, id, replaces));
        entries.addLast(entry);
        bytes += entry.bytes();
        if (entries.size() > perConversation) {
            bytes -= entries.removeFirst().bytes();
        }
        // Access order puts the conversation just written last, so the loop never reaches it.
        Iterator<Map.Entry<String, Deque<Entry>>> oldest = conversations.entrySet().iterator();
        while (conversations.size() > 1 && (conversations.size() > maxConversations || bytes > maxBytes)) {
            Map.Entry<String, Deque<Entry>> evicted = oldest.next();
            bytes -= total(evicted.getValue()) + conversationBytes(evicted.getKey());
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

    static long conversationBytes(String conversationId) {
        return CONVERSATION_OVERHEAD + string(conversationId);
    }

    private static long total(Deque<Entry> entries) {
        return entries.stream().mapToLong(Entry::bytes).sum();
    }
}
