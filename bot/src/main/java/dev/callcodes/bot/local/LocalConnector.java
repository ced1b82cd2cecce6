package dev.callcodes.bot.local;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import org.springframework.web.util.UriUtils;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Stands in for the Bot Framework connector (the Teams service the bot replies to). The page sets an activity's
 * {@code serviceUrl} to this app, so the bot's unchanged adapter delivers its replies here, through the same
 * {@code v3/conversations} calls it makes to Teams, and the page picks them up from the {@link Mailbox}.
 */
final class LocalConnector {

    static final String SERVICE_PATH = "/local/connector/";
    static final String ACTIVITIES = SERVICE_PATH + "v3/conversations/{conversationId}/activities";
    static final String ACTIVITY = ACTIVITIES + "/{activityId}";
    /** Ten cards at the 28 KB Teams allows each, with room to spare; anything bigger did not come from the bot. */
    static final int MAX_ACTIVITY_BYTES = 1024 * 1024;

    private static final int CONVERSATION_SEGMENT = 4;
    private static final int ACTIVITY_SEGMENT = 6;

    private final Mailbox mailbox;
    private final ObjectMapper json;

    LocalConnector(Mailbox mailbox, ObjectMapper json) {
        this.mailbox = mailbox;
        this.json = json;
    }

    /** sendToConversation and replyToActivity: the connector gives every new message its id. */
    ServerResponse send(ServerRequest request) throws IOException {
        String conversationId = segment(request, CONVERSATION_SEGMENT);
        return withActivity(request, activity -> {
            String id = UUID.randomUUID().toString();
            activity.put("id", id);
            mailbox.add(conversationId, id, null, json.writeValueAsBytes(activity));
            return resource(id);
        });
    }

    /** updateActivity: the bot replaces a card in place after an Action.Submit press. */
    ServerResponse update(ServerRequest request) throws IOException {
        String conversationId = segment(request, CONVERSATION_SEGMENT);
        String id = segment(request, ACTIVITY_SEGMENT);
        return withActivity(request, activity -> {
            if (!mailbox.contains(conversationId, id)) {
                // As Teams answers for a message it no longer has; the bot then answers below instead.
                return error(HttpStatus.NOT_FOUND, "ActivityNotFound", "no activity " + id + " in this conversation");
            }
            activity.put("id", id);
            mailbox.add(conversationId, id, id, json.writeValueAsBytes(activity));
            return resource(id);
        });
    }

    /**
     * The SDK's HTTP client leaves ';' and ':' unencoded in ids (Teams thread ids end in {@code ;messageid=...}), and
     * Spring would read what follows a ';' as a matrix variable and drop it; so ids are read from the raw path.
     */
    static String segment(ServerRequest request, int index) {
        List<String> segments = request.requestPath().pathWithinApplication().elements().stream()
                .filter(PathContainer.PathSegment.class::isInstance)
                .map(PathContainer.Element::value)
                .toList();
        return UriUtils.decode(segments.get(index), StandardCharsets.UTF_8);
    }

    private interface ActivityHandler {
        ServerResponse handle(ObjectNode activity) throws IOException;
    }

    private ServerResponse withActivity(ServerRequest request, ActivityHandler handler) throws IOException {
        byte[] body;
        try (InputStream in = request.servletRequest().getInputStream()) {
            body = in.readNBytes(MAX_ACTIVITY_BYTES + 1);
        }
        if (body.length > MAX_ACTIVITY_BYTES) {
            return error(HttpStatus.PAYLOAD_TOO_LARGE, "BadArgument",
                    "an activity over " + MAX_ACTIVITY_BYTES + " bytes");
        }
        JsonNode activity;
        try {
            activity = json.readTree(body);
        } catch (JacksonException e) {
            return error(HttpStatus.BAD_REQUEST, "BadArgument", "the body is not a JSON activity");
        }
        if (activity == null || !activity.isObject()) {
            return error(HttpStatus.BAD_REQUEST, "BadArgument", "the body is not a JSON activity");
        }
        return handler.handle((ObjectNode) activity);
    }

    /** The connector's ResourceResponse, which the SDK reads the new message's id from. */
    private static ServerResponse resource(String id) {
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).body(Map.of("id", id));
    }

    /** The connector's ErrorResponse shape, so the SDK's error handling reads it as it would Teams'. */
    private static ServerResponse error(HttpStatus status, String code, String message) {
        return ServerResponse.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("error", Map.of("code", code, "message", message)));
    }
}
