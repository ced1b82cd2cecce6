package dev.callcodes.catalog.report;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Files as they arrive: zipped exports, Excel's UTF-16, byte order marks, binaries and files over the limit. */
class ReportInputTest {

    private static final String CSV = "Final SIP code,Final Microsoft subcode\r\n403,510559\r\n504,569008\r\n";

    @Test
    void utf8WithAByteOrderMarkReadsAsTheText() throws IOException {
        byte[] bytes = ("\uFEFF" + CSV).getBytes(StandardCharsets.UTF_8);
        assertThat(read(bytes, 1_000)).isEqualTo("\uFEFF" + CSV);
    }

    @Test
    void utf16WithItsByteOrderMarkIsDecoded() throws IOException {
        byte[] bytes = ("\uFEFF" + CSV).getBytes(StandardCharsets.UTF_16LE);
        assertThat(read(bytes, 1_000)).isEqualTo(CSV);
    }

    @Test
    void aZipIsReadEntryByEntrySkippingOtherFiles() throws IOException {
        byte[] zip = zip("export/DirectRoutingReport.csv", CSV, "readme.pdf", "%PDF", "second.csv", "403,510559\n");
        assertThat(read(zip, 10_000)).isEqualTo(CSV + "\n403,510559\n\n");
    }

    @Test
    void aZipWithoutTextFilesIsRefusedWithAMessage() throws IOException {
        byte[] zip = zip("picture.png", "not text");
        assertThatThrownBy(() -> read(zip, 10_000)).isInstanceOf(ReportInputException.class)
                .hasMessageContaining("holds no .csv").extracting("kind")
                .isEqualTo(ReportInputException.Kind.NO_REPORT);
    }

    @Test
    void aBinaryFileIsRefusedWithAMessage() {
        byte[] binary = {0x25, 0x50, 0x44, 0x46, 0, 1, 2, 3};
        assertThatThrownBy(() -> read(binary, 1_000)).isInstanceOf(ReportInputException.class)
                .hasMessageStartingWith("This file is not text.").extracting("kind")
                .isEqualTo(ReportInputException.Kind.NOT_TEXT);
    }

    @Test
    void theLimitCountsUnzippedBytesSoASmallZipCannotExpandWithoutBound() throws IOException {
        byte[] zip = zip("big.csv", "403,510559\n".repeat(100_000));
        assertThat(zip.length).isLessThan(20_000);
        assertThatThrownBy(() -> read(zip, 100_000)).isInstanceOf(ReportInputException.class)
                .hasMessageContaining("larger than 0.1 MB").extracting("kind")
                .isEqualTo(ReportInputException.Kind.TOO_LARGE);
    }

    @Test
    void aFileOverTheLimitNamesTheLimit() {
        byte[] bytes = CSV.repeat(40_000).getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> read(bytes, 1024 * 1024)).isInstanceOf(ReportInputException.class)
                .hasMessageStartingWith("This file is larger than 1 MB").hasMessageContaining("shorter time range");
    }

    /** The probe's bomb: about 10.6 MB holding 10.7 GB of zeros in entries the reader does not want. */
    @Test
    void aZipBombOfOtherFilesIsRefusedWithoutInflatingAnyOfIt() throws IOException {
        byte[] bomb = bomb(".bin", false);
        assertThat(bomb.length).isBetween(10_000_000, 12_000_000);

        Reader reader = ReportInput.open(new ByteArrayInputStream(bomb), 64L << 20);

        assertThatThrownBy(() -> reader.read(new char[1024])).isInstanceOf(ReportInputException.class)
                .hasMessageContaining("holds no .csv").extracting("kind")
                .isEqualTo(ReportInputException.Kind.NO_REPORT);
        assertThat(((ReportInput.ZipText) reader).inflatedBytes()).as("bytes inflated").isZero();
    }

    @Test
    void aZipBombOfReportFilesStopsAtItsFirstBytes() throws IOException {
        Reader reader = ReportInput.open(new ByteArrayInputStream(bomb(".csv", false)), 64L << 20);

        assertThatThrownBy(() -> reader.read(new char[1024])).isInstanceOf(ReportInputException.class)
                .hasMessageStartingWith("This file is not text.").extracting("kind")
                .isEqualTo(ReportInputException.Kind.NOT_TEXT);
        assertThat(((ReportInput.ZipText) reader).inflatedBytes()).isLessThanOrEqualTo(64 * 1024);
    }

    /** Streaming writers put sizes after the data, so a skipped entry must be inflated to find its end: counted. */
    @Test
    void aZipBombWithoutSizesInItsHeadersIsCountedAgainstTheLimitAsItInflates() throws IOException {
        Reader reader = ReportInput.open(new ByteArrayInputStream(bomb(".bin", true)), 8L << 20);

        assertThatThrownBy(() -> reader.read(new char[1024])).isInstanceOf(ReportInputException.class)
                .hasMessageStartingWith("This file is larger than 8 MB");
        assertThat(((ReportInput.ZipText) reader).inflatedBytes()).isBetween(8L << 20, (8L << 20) + (64 << 10));
    }

    private static byte[] bomb(String extension, boolean sizesFollow) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(11 << 20);
        ZipBomb.write(out, 5, 2047, "zeros", extension, sizesFollow);
        return out.toByteArray();
    }

    @Test
    void anArchiveInsideTheZipIsRefusedWithItsName() throws IOException {
        byte[] inner = zip("DirectRoutingReport.csv", CSV);
        ByteArrayOutputStream outer = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(outer)) {
            zip.putNextEntry(new ZipEntry("exports/inner.zip"));
            zip.write(inner);
            zip.closeEntry();
        }
        ByteArrayOutputStream disguised = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(disguised)) {
            zip.putNextEntry(new ZipEntry("report.csv"));
            zip.write(inner);
            zip.closeEntry();
        }

        for (byte[] nested : List.of(outer.toByteArray(), disguised.toByteArray())) {
            assertThatThrownBy(() -> read(nested, 10_000)).isInstanceOf(ReportInputException.class)
                    .hasMessageContaining("holds another archive").hasMessageContaining("unzip it");
        }
        assertThatThrownBy(() -> read(outer.toByteArray(), 10_000)).hasMessageContaining("(inner.zip)");
    }

    /** Windows' built-in zip writes names in the DOS code page without the UTF-8 flag. */
    @Test
    void entryNamesInTheDosCodePageAreRead() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, Charset.forName("IBM437"))) {
            zip.putNextEntry(new ZipEntry("Bericht März – Übersicht.csv".replace('–', '-')));
            zip.write(CSV.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        byte[] zip = bytes.toByteArray();
        assertThat(new String(zip, StandardCharsets.ISO_8859_1)).contains("M\u0084rz");

        assertThat(read(zip, 10_000)).isEqualTo(CSV + "\n");
    }

    @Test
    void aZipCutAtAnyByteIsRefusedAsDamagedNeverWithAnotherException() throws IOException {
        byte[] streamed = zip("a.csv", CSV.repeat(20), "b.txt", "note", "c.csv", CSV);
        byte[] sized = storedZip("a.csv", CSV.repeat(20));
        for (byte[] zip : List.of(streamed, sized)) {
            String whole = read(zip, 100_000);
            for (int cut = 4; cut < zip.length; cut++) {
                byte[] truncated = java.util.Arrays.copyOf(zip, cut);
                try {
                    assertThat(whole).as("cut at %d", cut).startsWith(read(truncated, 100_000));
                } catch (ReportInputException refused) {
                    assertThat(refused.getMessage()).as("cut at %d", cut)
                            .matches("This (\\.zip )?file (is damaged: .*|is not text.*|holds no .*)");
                }
            }
        }
    }

    @Test
    void aCorruptedEntryIsReportedAsDamaged() throws IOException {
        byte[] zip = storedZip("a.csv", CSV);
        int at = new String(zip, StandardCharsets.ISO_8859_1).indexOf("510559");
        zip[at] = '9';

        assertThatThrownBy(() -> read(zip, 10_000)).isInstanceOf(ReportInputException.class)
                .hasMessage("This .zip file is damaged: a.csv does not match its checksum. Export the report again,"
                        + " or send the CSV itself.");
    }

    @Test
    void passwordsAndUnknownCompressionMethodsAreRefusedWithWhatToSend() throws IOException {
        byte[] encrypted = storedZip("a.csv", CSV);
        encrypted[6] |= 1;
        byte[] bzip2 = storedZip("a.csv", CSV);
        bzip2[8] = 12;

        assertThatThrownBy(() -> read(encrypted, 10_000)).hasMessageContaining("password-protected (a.csv)");
        assertThatThrownBy(() -> read(bzip2, 10_000)).hasMessageContaining("compression method I cannot read"
                + " (method 12, in a.csv)");
    }

    /** ZIP64 headers (entries over 4 GB, or writers that always use them) give the sizes in an extra field. */
    @Test
    void zip64SizesAreRead() throws IOException {
        byte[] data = CSV.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(data);
        byte[] name = "big.bin".getBytes(StandardCharsets.US_ASCII);
        byte[] csv = "r.csv".getBytes(StandardCharsets.US_ASCII);
        for (byte[] entry : List.of(name, csv)) {
            le(out, 0x04034b50, 4);
            le(out, 45, 2);
            le(out, 0, 2);
            le(out, 0, 2);
            le(out, 0, 4);
            le(out, crc.getValue(), 4);
            le(out, 0xFFFFFFFFL, 4);
            le(out, 0xFFFFFFFFL, 4);
            le(out, entry.length, 2);
            le(out, 20, 2);
            out.write(entry);
            le(out, 1, 2);
            le(out, 16, 2);
            le(out, data.length, 8);
            le(out, data.length, 8);
            out.write(data);
        }
        le(out, 0x06054b50, 4);
        out.write(new byte[18]);

        assertThat(read(out.toByteArray(), 10_000)).isEqualTo(CSV + "\n");
    }

    private static void le(ByteArrayOutputStream out, long value, int bytes) {
        for (int i = 0; i < bytes; i++) {
            out.write((int) (value >>> (8 * i)) & 0xFF);
        }
    }

    /** A zip whose single entry is stored with its sizes in the local header (what most desktop tools write). */
    private static byte[] storedZip(String name, String content) throws IOException {
        byte[] data = content.getBytes(StandardCharsets.UTF_8);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(data);
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(data.length);
        entry.setCompressedSize(data.length);
        entry.setCrc(crc.getValue());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(entry);
            zip.write(data);
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    private static String read(byte[] bytes, long max) throws IOException {
        try (Reader reader = ReportInput.open(new ByteArrayInputStream(bytes), max)) {
            StringBuilder text = new StringBuilder();
            char[] buffer = new char[1024];
            int n;
            while ((n = reader.read(buffer)) >= 0) {
                text.append(buffer, 0, n);
            }
            return text.toString();
        }
    }

    private static byte[] zip(String... namesAndContents) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                zip.putNextEntry(new ZipEntry(namesAndContents[i]));
                zip.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
