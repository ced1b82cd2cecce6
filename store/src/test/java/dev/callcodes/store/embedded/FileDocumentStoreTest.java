package dev.callcodes.store.embedded;

import dev.callcodes.store.MutableClock;
import dev.callcodes.store.StoreException;
import dev.callcodes.store.Version;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What only the embedded store does: files, restarts, the folder lock, damage. */
class FileDocumentStoreTest {

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock();

    @Test
    void versionsAndDocumentsSurviveARestart() {
        Version version;
        try (FileDocumentStore store = FileDocumentStore.open(dir, clock)) {
            version = store.create("notes/t1/510559-403", "note".getBytes(StandardCharsets.UTF_8));
        }
        try (FileDocumentStore store = FileDocumentStore.open(dir, clock)) {
            assertThat(store.read("notes/t1/510559-403").orElseThrow().version()).isEqualTo(version);
            store.replace("notes/t1/510559-403", "edited".getBytes(StandardCharsets.UTF_8), version);
        }
        assertThat(dir.resolve("notes/t1/510559-403~")).exists();
    }

    @Test
    void twoInstancesInOneProcessShareTheFolderSafely() {
        try (FileDocumentStore one = FileDocumentStore.open(dir, clock);
             FileDocumentStore two = FileDocumentStore.open(dir.resolve("."), clock)) {
            Version version = one.create("k", new byte[]{1});
            two.replace("k", new byte[]{2}, version);
            assertThat(one.read("k").orElseThrow().content()).containsExactly(2);
        }
        try (FileDocumentStore again = FileDocumentStore.open(dir, clock)) {
            assertThat(again.read("k")).isPresent();
        }
    }

    @Test
    void aSecondProcessIsRefusedWithTheFirstOnesPid() throws Exception {
        try (FileDocumentStore store = FileDocumentStore.open(dir, clock)) {
            store.put("k", new byte[]{1});
            String java = ProcessHandle.current().info().command().orElse("java");
            Process other = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    CrashWriter.class.getName(), dir.toString()).redirectErrorStream(true).start();
            assertThat(other.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String output = new String(other.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(other.exitValue()).isNotZero();
            assertThat(output).contains("is in use by another process (pid " + ProcessHandle.current().pid())
                    .contains("CALLCODES_STORE=azure-blob").doesNotContain("wrote ");
        }
    }

    @Test
    void aDamagedFileIsReportedWithItsPath() throws IOException {
        try (FileDocumentStore store = FileDocumentStore.open(dir, clock)) {
            store.put("k", "hello world".getBytes(StandardCharsets.UTF_8));
            Path file = dir.resolve("k~");
            byte[] bytes = Files.readAllBytes(file);
            bytes[bytes.length - 1] = 'X';
            Files.write(file, bytes);
            assertThatThrownBy(() -> store.read("k")).isInstanceOf(StoreException.class)
                    .hasMessageContaining(file.toRealPath().toString()).hasMessageContaining("CRC-32");
            Files.writeString(file, "just text");
            assertThatThrownBy(() -> store.read("k")).hasMessageContaining("damaged");
        }
    }

    @Test
    void leftoverTemporaryFilesAreRemovedOnOpenAndStrayFilesIgnored() throws IOException {
        Files.createDirectories(dir.resolve("notes"));
        Files.writeString(dir.resolve("notes/.tmp-0123"), "half a document");
        Files.writeString(dir.resolve("notes/README.txt"), "not a document");
        try (FileDocumentStore store = FileDocumentStore.open(dir, clock)) {
            assertThat(dir.resolve("notes/.tmp-0123")).doesNotExist();
            assertThat(store.entries("").toList()).isEmpty();
            store.put("notes/a", new byte[0]);
            assertThat(store.entries("notes/").count()).isEqualTo(1);
        }
    }

    @Test
    void describeNamesTheFolder() throws IOException {
        try (FileDocumentStore store = FileDocumentStore.open(dir, clock)) {
            assertThat(store.describe()).isEqualTo("embedded store in " + dir.toRealPath());
        }
    }
}
