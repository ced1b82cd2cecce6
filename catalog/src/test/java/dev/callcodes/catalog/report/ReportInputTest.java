package dev.callcodes.catalog.report;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
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
                .hasMessageContaining("holds no .csv");
    }

    @Test
    void aBinaryFileIsRefusedWithAMessage() {
        byte[] binary = {0x25, 0x50, 0x44, 0x46, 0, 1, 2, 3};
        assertThatThrownBy(() -> read(binary, 1_000)).isInstanceOf(ReportInputException.class)
                .hasMessageStartingWith("This file is not text.");
    }

    @Test
    void theLimitCountsUnzippedBytesSoASmallZipCannotExpandWithoutBound() throws IOException {
        byte[] zip = zip("big.csv", "403,510559\n".repeat(100_000));
        assertThat(zip.length).isLessThan(20_000);
        assertThatThrownBy(() -> read(zip, 100_000)).isInstanceOf(ReportInputException.class)
                .hasMessageContaining("larger than 0.1 MB");
    }

    @Test
    void aFileOverTheLimitNamesTheLimit() {
        byte[] bytes = CSV.repeat(40_000).getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> read(bytes, 1024 * 1024)).isInstanceOf(ReportInputException.class)
                .hasMessageStartingWith("This file is larger than 1 MB").hasMessageContaining("shorter time range");
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
