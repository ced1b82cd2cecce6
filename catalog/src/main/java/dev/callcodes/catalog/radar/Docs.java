package dev.callcodes.catalog.radar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Where the radar reads Microsoft's markdown sources: each file by its repository's name and its own path. */
public interface Docs {

    /** The file's text, or empty when the file is absent. */
    Optional<String> read(String repo, String path);

    /** The names of the files directly in the folder; empty when the folder is absent or cannot be listed. */
    List<String> list(String repo, String folder);

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
