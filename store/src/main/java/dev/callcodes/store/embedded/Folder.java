package dev.callcodes.store.embedded;

import dev.callcodes.store.StoreException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

/**
 * One data folder opened by this JVM: the OS lock that keeps other processes out, and the per-key locks every store
 * instance on the folder shares (two instances with their own locks could interleave a check and a write).
 */
final class Folder {

    static final String LOCK_FILE = ".lock";
    private static final int STRIPES = 256;
    private static final Map<Path, Folder> OPEN = new HashMap<>();

    private final Path root;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];
    private int users;

    private Folder(Path root, FileChannel lockChannel, FileLock lock) {
        this.root = root;
        this.lockChannel = lockChannel;
        this.lock = lock;
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    static Folder open(Path dir) {
        Path root;
        try {
            Files.createDirectories(dir);
            root = dir.toRealPath();
        } catch (IOException e) {
            throw new StoreException("the data folder " + dir.toAbsolutePath() + " (CALLCODES_DATA_DIR) cannot be"
                    + " created: " + e, e);
        }
        synchronized (OPEN) {
            Folder folder = OPEN.get(root);
            if (folder == null) {
                folder = lock(root);
                removeTemporaryFiles(root);
                OPEN.put(root, folder);
            }
            folder.users++;
            return folder;
        }
    }

    private static Folder lock(Path root) {
        Path lockFile = root.resolve(LOCK_FILE);
        try {
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                String holder = Files.readString(lockFile, StandardCharsets.UTF_8).strip();
                channel.close();
                throw new StoreException("the data folder " + root + " (CALLCODES_DATA_DIR) is in use by another"
                        + " process (" + (holder.isEmpty() ? "unknown" : holder) + "). The embedded store serves"
                        + " one process at a time: stop the other one, give this one its own folder, or use"
                        + " CALLCODES_STORE=azure-blob for several instances");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + ", since " + Instant.now())
                    .getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(true);
            return new Folder(root, channel, lock);
        } catch (IOException e) {
            throw new StoreException("could not lock the data folder " + root + " (CALLCODES_DATA_DIR): " + e, e);
        }
    }

    /** What a crash mid-write leaves behind; no writer is running, since this process holds the lock. */
    private static void removeTemporaryFiles(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : (Iterable<Path>) walk::iterator) {
                if (path.getFileName().toString().startsWith(FileDocumentStore.TEMP_PREFIX)) {
                    Files.deleteIfExists(path);
                }
            }
        } catch (IOException e) {
            throw new StoreException("could not clean up the data folder " + root + ": " + e, e);
        }
    }

    Path root() {
        return root;
    }

    ReentrantLock lockFor(String key) {
        return stripes[Math.floorMod(key.hashCode(), STRIPES)];
    }

    void release() {
        synchronized (OPEN) {
            if (--users > 0) {
                return;
            }
            OPEN.remove(root);
            try {
                lock.release();
                lockChannel.close();
            } catch (IOException ignored) {
                // the OS drops the lock when the process ends anyway
            }
        }
    }
}
