package dev.callcodes.catalog.radar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Where the radar reads Microsoft's markdown sources: each file by its repository's name and its own path. */
public interface Docs {

    /** The file's text, or empty when the file is absent. */
    Optional<String> read(String repo, String path);

    /** The names of the files directly in the folder; empty when the folder is absent or cannot be listed. */
    List<String> list(String repo, String folder);

    /**
     * The repositories' files over HTTP: {@code base} maps a repository's name to the URL its paths are appended to
     * (see {@link RadarSource#repositories()}). A 404 is an absent file; any other failure, or a repository without a
     * base, throws {@link UncheckedIOException} naming the URL. Folders cannot be listed over HTTP: empty.
     */
    static Docs http(Map<String, String> base, Duration timeout) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        return new Docs() {
            @Override
            public Optional<String> read(String repo, String path) {
                String root = base.get(repo);
                if (root == null) {
                    throw new UncheckedIOException(new IOException("no URL for the repository " + repo));
                }
                URI uri = URI.create(root + path);
                try {
                    HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri).timeout(timeout).GET()
                            .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                    if (response.statusCode() == 404) {
                        return Optional.empty();
                    }
                    if (response.statusCode() != 200) {
                        throw new IOException("HTTP " + response.statusCode() + " from " + uri);
                    }
                    return Optional.of(response.body());
                } catch (IOException e) {
                    throw new UncheckedIOException(e.getMessage() == null ? uri + ": " + e : e.getMessage(), e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new UncheckedIOException(new IOException("interrupted while reading " + uri, e));
                }
            }

            @Override
            public List<String> list(String repo, String folder) {
                return List.of();
            }
        };
    }

    /** A local folder holding the repositories' files under the repository's name: a clone or sparse checkout. */
    static Docs folder(Path root) {
        return new Docs() {
            @Override
            public Optional<String> read(String repo, String path) {
                Path file = root.resolve(repo).resolve(path);
                if (!Files.isRegularFile(file)) {
                    return Optional.empty();
                }
                try {
                    return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + file, e);
                }
            }

            @Override
            public List<String> list(String repo, String folder) {
                Path dir = root.resolve(repo).resolve(folder);
                if (!Files.isDirectory(dir)) {
                    return List.of();
                }
                try (Stream<Path> files = Files.list(dir)) {
                    return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList();
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot list " + dir, e);
                }
            }
        };
    }
}
