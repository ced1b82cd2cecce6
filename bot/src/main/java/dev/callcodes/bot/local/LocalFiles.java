package dev.callcodes.bot.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.callcodes.catalog.report.ReportInput;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The local file endpoint: what OneDrive is to Teams. The page uploads a dropped file here and gets the link the
 * bot then downloads it from, through the same code (and checks) as a Teams file. Files stay in memory, bounded in
 * number, in bytes (one report's limit in all) and in time: a local chat needs them for seconds.
 */
final class LocalFiles {

    static final String UPLOAD = "/local/files";
    static final String DOWNLOAD = LocalFileLinks.PATH + "{id}";
    static final int MAX_FILES = 20;
    static final Duration KEEP = Duration.ofMinutes(15);

    private record Stored(String name, byte[] bytes, long expiresAt) {
    }

    private final LocalFileLinks links;
    private final ObjectMapper json;
    private final long maxBytes;
    private final Clock clock;
    private final LinkedHashMap<String, Stored> files = new LinkedHashMap<>();
    private long bytes;

    LocalFiles(LocalFileLinks links, ObjectMapper json, long maxBytes, Clock clock) {
        this.links = links;
        this.json = json;
        this.maxBytes = maxBytes;
        this.clock = clock;
    }

    /** {@code POST /local/files?name=export.csv} with the file as the body: the link to download it from. */
    ServerResponse upload(ServerRequest request) throws IOException {
        String name = request.param("name").map(String::strip).filter(n -> !n.isEmpty()).orElse("file");
        byte[] body;
        try (InputStream in = request.servletRequest().getInputStream()) {
            body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        }
        if (body.length > maxBytes) {
            return error(HttpStatus.PAYLOAD_TOO_LARGE, ReportInput.tooLarge(maxBytes).getMessage());
        }
        if (body.length == 0) {
            return error(HttpStatus.BAD_REQUEST, "the file is empty");
        }
        String id = put(name, body);
        ObjectNode link = json.createObjectNode()
                .put("downloadUrl", links.urlFor(id))
                .put("uniqueId", id)
                .put("name", name)
                .put("fileType", type(name));
        return ServerResponse.status(HttpStatus.CREATED).contentType(MediaType.APPLICATION_JSON).body(link);
    }

    /** {@code GET /local/files/{id}}: the file, as OneDrive's pre-authenticated download link would give it. */
    ServerResponse download(ServerRequest request) {
        Stored file = get(request.pathVariable("id"));
        if (file == null) {
            return error(HttpStatus.NOT_FOUND, "no such file: it may have expired after " + KEEP.toMinutes()
                    + " minutes; send it again");
        }
        return ServerResponse.ok().contentType(MediaType.APPLICATION_OCTET_STREAM).contentLength(file.bytes().length)
                .body(file.bytes());
    }

    synchronized String put(String name, byte[] content) {
        expire();
        String id = UUID.randomUUID().toString();
        files.put(id, new Stored(name, content, clock.millis() + KEEP.toMillis()));
        bytes += content.length;
        Iterator<Map.Entry<String, Stored>> oldest = files.entrySet().iterator();
        while (files.size() > 1 && (files.size() > MAX_FILES || bytes > maxBytes)) {
            bytes -= oldest.next().getValue().bytes().length;
            oldest.remove();
        }
        return id;
    }

    synchronized Stored get(String id) {
        expire();
        return files.get(id);
    }

    synchronized int count() {
        expire();
        return files.size();
    }

    private void expire() {
        long now = clock.millis();
        Iterator<Stored> all = files.values().iterator();
        while (all.hasNext()) {
            Stored file = all.next();
            if (file.expiresAt() <= now) {
                bytes -= file.bytes().length;
                all.remove();
            }
        }
    }

    private static String type(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static ServerResponse error(HttpStatus status, String message) {
        return ServerResponse.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("error", message, "status", status.value()));
    }
}
