package dev.callcodes.bot.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * What the page polls: the activities the bot delivered to a conversation after a sequence number. Polling (not a
 * socket) because replies arrive before the page's POST to /api/messages returns; the page asks once then, and a
 * few times more only if the bot is slow.
 */
final class PageFeed {

    static final String ACTIVITIES = "/local/chat/{conversationId}/activities";

    private static final int CONVERSATION_SEGMENT = 2;

    private final Mailbox mailbox;
    private final ObjectMapper json;

    PageFeed(Mailbox mailbox, ObjectMapper json) {
        this.mailbox = mailbox;
        this.json = json;
    }

    ServerResponse activities(ServerRequest request) {
        String conversationId = LocalConnector.segment(request, CONVERSATION_SEGMENT);
        long after;
        try {
            after = Long.parseLong(request.param("after").orElse("0").strip());
        } catch (NumberFormatException e) {
            return ServerResponse.badRequest().contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("error", "after must be a sequence number", "status", HttpStatus.BAD_REQUEST.value()));
        }
        ObjectNode body = json.createObjectNode();
        body.put("epoch", mailbox.epoch());
        ArrayNode activities = body.putArray("activities");
        for (Mailbox.Entry entry : mailbox.after(conversationId, after)) {
            ObjectNode item = activities.addObject();
            item.put("seq", entry.seq());
            item.put("id", entry.id());
            if (entry.replaces() != null) {
                item.put("replaces", entry.replaces());
            }
            // Written as stored: parsing it back into a tree per poll would only cost time and garbage.
            item.putRawValue("activity", new RawValue(new String(entry.json(), StandardCharsets.UTF_8)));
        }
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).cacheControl(CacheControl.noStore())
                .body(body);
    }
}
