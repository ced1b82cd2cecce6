package dev.callcodes.store.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import dev.callcodes.store.ConflictException;
import dev.callcodes.store.Document;
import dev.callcodes.store.DocumentStore;
import dev.callcodes.store.Entry;
import dev.callcodes.store.Expiry;
import dev.callcodes.store.JsonDocuments;
import dev.callcodes.store.Keys;
import dev.callcodes.store.NotFoundException;
import dev.callcodes.store.Page;
import dev.callcodes.store.StoreException;
import dev.callcodes.store.StoreUnavailableException;
import dev.callcodes.store.Version;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * The embedded store: one file per document under a folder ({@code CALLCODES_DATA_DIR}), nothing to install.
 *
 * <p>A key {@code notes/t1/510559-403} is the file {@code notes/t1/510559-403~} (the {@code ~}, which keys never
 * contain, keeps the document {@code a} apart from the folder of {@code a/b}). Each file is a format line, a JSON
 * header line (version tag, expiry, length, CRC-32 of the content) and the content.
 *
 * <p>Crash safety: a write goes to a temporary file in the same folder, is forced to disk, renamed over the document
 * atomically, and the folder is forced too, so after a crash (a killed process, a lost machine) the document is the
 * previous version or the new one, never a mix; the CRC catches anything else. Temporary files left by a crash are
 * removed when the store opens. Version tags are random and stored in the file, so they survive restarts.
 *
 * <p>Concurrency: conditional writes to one key are serialised by a lock (striped by key) shared by every instance
 * opened on the folder in this JVM; reads take no lock (a rename is atomic). One process at a time: opening takes an
 * OS lock on {@code .lock} in the folder, and a second process is refused with a message naming the first one's pid.
 * Several app instances need the Azure Blob store.
 */
public final class FileDocumentStore implements DocumentStore {

    static final String SUFFIX = "~";
    static final String TEMP_PREFIX = ".tmp-";
    private static final String FORMAT_LINE = "callcodes-document 1";
    private static final int MAX_HEADER_BYTES = 4096;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final boolean WINDOWS = System.getProperty("os.name", "").toLowerCase().contains("win");

    private final Folder folder;
    private final Clock clock;
    private boolean closed;

    private FileDocumentStore(Folder folder, Clock clock) {
        this.folder = folder;
        this.clock = clock;
    }

    /**
     * Opens (and creates) the store in {@code dir}.
     *
     * @throws StoreException when another process holds the folder, or it cannot be created or locked
     */
    public static FileDocumentStore open(Path dir, Clock clock) {
        return new FileDocumentStore(Folder.open(dir), clock);
    }

    public Path root() {
        return folder.root();
    }

    @Override
    public Optional<Document> read(String key) {
        Path file = file(key);
        Optional<Stored> stored = load(key, file);
        if (stored.isPresent() && stored.get().expiry().passed(clock.instant())) {
            deleteExpired(key, file, stored.get().version());
            return Optional.empty();
        }
        return stored.map(s -> new Document(key, s.content(), s.version(), s.expiry()));
    }

    @Override
    public Version create(String key, byte[] content, Expiry expiry) {
        Path file = file(key);
        return locked(key, () -> {
            if (live(key, file).isPresent()) {
                throw new ConflictException(key, ConflictException.Reason.ALREADY_EXISTS);
            }
            return write(key, file, content, expiry);
        });
    }

    @Override
    public Version replace(String key, byte[] content, Version expected, Expiry expiry) {
        Path file = file(key);
        return locked(key, () -> {
            requireVersion(key, file, expected);
            return write(key, file, content, expiry);
        });
    }

    @Override
    public Version put(String key, byte[] content, Expiry expiry) {
        Path file = file(key);
        return locked(key, () -> write(key, file, content, expiry));
    }

    @Override
    public void delete(String key, Version expected) {
        Path file = file(key);
        locked(key, () -> {
            requireVersion(key, file, expected);
            remove(key, file);
            return null;
        });
    }

    @Override
    public boolean delete(String key) {
        Path file = file(key);
        return locked(key, () -> {
            boolean existed = live(key, file).isPresent();
            remove(key, file);
            return existed;
        });
    }

    @Override
    public Page list(String prefix, String continuation, int pageSize) {
        Keys.checkPrefix(prefix);
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("a page size is 1 to " + MAX_PAGE_SIZE + ", not " + pageSize);
        }
        if (continuation != null) {
            Keys.check(continuation);
        }
        TreeSet<String> keys = keysUnder(prefix);
        List<Entry> entries = new ArrayList<>();
        String last = null;
        for (String key : continuation == null ? keys : keys.tailSet(continuation, false)) {
            if (entries.size() == pageSize) {
                return new Page(entries, last);
            }
            last = key;
            header(key, file(key)).filter(h -> !h.expiry().passed(clock.instant()))
                    .ifPresent(h -> entries.add(new Entry(key, h.version(), h.expiry())));
        }
        return new Page(entries, null);
    }

    @Override
    public int sweepExpired(String prefix) {
        Keys.checkPrefix(prefix);
        int removed = 0;
        for (String key : keysUnder(prefix)) {
            Path file = file(key);
            Optional<Header> header = header(key, file);
            if (header.isPresent() && header.get().expiry().passed(clock.instant())
                    && deleteExpired(key, file, header.get().version())) {
                removed++;
            }
        }
        return removed;
    }

    @Override
    public String describe() {
        return "embedded store in " + folder.root();
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            folder.release();
        }
    }

    // ---- files

    private Path file(String key) {
        Keys.check(key);
        return folder.root().resolve(key + SUFFIX);
    }

    private Optional<Stored> live(String key, Path file) {
        return load(key, file).filter(s -> !s.expiry().passed(clock.instant()));
    }

    private void requireVersion(String key, Path file, Version expected) {
        Stored current = live(key, file).orElseThrow(() -> new NotFoundException(key));
        if (!current.version().equals(expected)) {
            throw new ConflictException(key, ConflictException.Reason.VERSION_CHANGED);
        }
    }

    private boolean deleteExpired(String key, Path file, Version seen) {
        return locked(key, () -> {
            Optional<Stored> now = load(key, file);
            if (now.isPresent() && now.get().version().equals(seen) && now.get().expiry().passed(clock.instant())) {
                remove(key, file);
                return true;
            }
            return false;
        });
    }

    private Version write(String key, Path file, byte[] content, Expiry expiry) {
        Version version = new Version(HexFormat.of().formatHex(token()));
        CRC32 crc = new CRC32();
        crc.update(content);
        String header = FORMAT_LINE + "\n{\"version\":\"" + version.tag() + "\",\"expires\":\"" + expiry.toEpochMillis()
                + "\",\"length\":" + content.length + ",\"crc32\":\"" + Long.toHexString(crc.getValue()) + "\"}\n";
        Path dir = file.getParent();
        Path temp = dir.resolve(TEMP_PREFIX + HexFormat.of().formatHex(token()));
        try {
            createDirectories(dir);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer[] buffers = {ByteBuffer.wrap(header.getBytes(StandardCharsets.UTF_8)), ByteBuffer.wrap(content)};
                while (buffers[0].hasRemaining() || buffers[1].hasRemaining()) {
                    channel.write(buffers);
                }
                channel.force(true);
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            forceDirectory(dir);
            return version;
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new StoreUnavailableException("could not write " + key + " in " + folder.root() + ": " + e, e);
        }
    }

    private static byte[] token() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private void remove(String key, Path file) {
        try {
            if (Files.deleteIfExists(file)) {
                forceDirectory(file.getParent());
            }
        } catch (IOException e) {
            throw new StoreUnavailableException("could not delete " + key + " in " + folder.root() + ": " + e, e);
        }
    }

    /** Creates missing folders one by one, forcing each parent so the new entry survives a crash. */
    private void createDirectories(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        createDirectories(dir.getParent());
        try {
            Files.createDirectory(dir);
        } catch (java.nio.file.FileAlreadyExistsException raced) {
            return;
        }
        forceDirectory(dir.getParent());
    }

    static void forceDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Windows cannot open a folder as a file; its renames are durable without it (NTFS journals metadata).
            if (!WINDOWS) {
                throw e;
            }
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover temporary file is removed when the store next opens
        }
    }

    private Optional<Stored> load(String key, Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException absent) {
            return Optional.empty();
        } catch (IOException e) {
            throw new StoreUnavailableException("could not read " + key + " in " + folder.root() + ": " + e, e);
        }
        int formatEnd = indexOf(bytes, 0);
        int headerEnd = formatEnd < 0 ? -1 : indexOf(bytes, formatEnd + 1);
        if (headerEnd < 0) {
            throw corrupt(file, "no header");
        }
        Header header = parseHeader(file, new String(bytes, 0, formatEnd, StandardCharsets.UTF_8),
                new String(bytes, formatEnd + 1, headerEnd - formatEnd - 1, StandardCharsets.UTF_8));
        byte[] content = java.util.Arrays.copyOfRange(bytes, headerEnd + 1, bytes.length);
        CRC32 crc = new CRC32();
        crc.update(content);
        if (content.length != header.length() || crc.getValue() != header.crc32()) {
            throw corrupt(file, "the content does not match its length and CRC-32");
        }
        return Optional.of(new Stored(header.version(), header.expiry(), content));
    }

    private Optional<Header> header(String key, Path file) {
        try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file), 512)) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            String format = null;
            for (int b = in.read(), read = 1; b >= 0 && read < MAX_HEADER_BYTES; b = in.read(), read++) {
                if (b != '\n') {
                    line.write(b);
                } else if (format == null) {
                    format = line.toString(StandardCharsets.UTF_8);
                    line.reset();
                } else {
                    return Optional.of(parseHeader(file, format, line.toString(StandardCharsets.UTF_8)));
                }
            }
            throw corrupt(file, "no header");
        } catch (NoSuchFileException deletedMeanwhile) {
            return Optional.empty();
        } catch (IOException e) {
            throw new StoreUnavailableException("could not read " + key + " in " + folder.root() + ": " + e, e);
        }
    }

    private static Header parseHeader(Path file, String format, String json) {
        if (!FORMAT_LINE.equals(format)) {
            throw corrupt(file, "it does not start with '" + FORMAT_LINE + "'");
        }
        try {
            JsonNode node = JsonDocuments.MAPPER.readTree(json);
            return new Header(new Version(node.path("version").asText()),
                    Expiry.ofEpochMillis(node.path("expires").asText()),
                    node.path("length").asLong(-1), Long.parseLong(node.path("crc32").asText(), 16));
        } catch (IOException | RuntimeException e) {
            throw corrupt(file, "its header is not readable (" + e.getMessage() + ")");
        }
    }

    private static StoreException corrupt(Path file, String why) {
        return new StoreException("the document file " + file + " is damaged: " + why
                + "; restore it from a backup or delete it");
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i < bytes.length && i < from + MAX_HEADER_BYTES; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Every key whose file is under {@code prefix}, live or expired, sorted. */
    private TreeSet<String> keysUnder(String prefix) {
        int slash = prefix.lastIndexOf('/');
        Path start = slash < 0 ? folder.root() : folder.root().resolve(prefix.substring(0, slash));
        String partial = prefix.substring(slash + 1);
        TreeSet<String> keys = new TreeSet<>();
        if (!Files.isDirectory(start)) {
            return keys;
        }
        try (DirectoryStream<Path> children = Files.newDirectoryStream(start)) {
            for (Path child : children) {
                String name = child.getFileName().toString();
                if (!name.startsWith(".") && name.startsWith(partial)) {
                    collect(child, keys);
                }
            }
        } catch (NoSuchFileException removedMeanwhile) {
            return keys;
        } catch (IOException e) {
            throw new StoreUnavailableException("could not list " + start + ": " + e, e);
        }
        return keys;
    }

    private void collect(Path path, TreeSet<String> keys) throws IOException {
        String name = path.getFileName().toString();
        if (Files.isDirectory(path)) {
            try (Stream<Path> walk = Files.walk(path)) {
                walk.filter(p -> p.getFileName().toString().endsWith(SUFFIX) && Files.isRegularFile(p))
                        .map(this::keyOf).filter(k -> k != null).forEach(keys::add);
            }
        } else if (name.endsWith(SUFFIX)) {
            String key = keyOf(path);
            if (key != null) {
                keys.add(key);
            }
        }
    }

    private String keyOf(Path file) {
        String relative = folder.root().relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
        String key = relative.substring(0, relative.length() - SUFFIX.length());
        return Keys.isValid(key) ? key : null; // null: a file someone put in the folder by hand
    }

    private <R> R locked(String key, java.util.function.Supplier<R> action) {
        ReentrantLock lock = folder.lockFor(key);
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    private record Header(Version version, Expiry expiry, long length, long crc32) {
    }

    private record Stored(Version version, Expiry expiry, byte[] content) {
    }
}
