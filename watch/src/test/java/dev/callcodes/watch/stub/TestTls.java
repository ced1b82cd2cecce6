package dev.callcodes.watch.stub;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed certificate for {@code localhost} and {@code 127.0.0.1}, made once per test run with the JDK's own
 * keytool (MSAL accepts only https authorities, so the stub token endpoint needs TLS): a server context that
 * presents it and a client context that trusts only it. The same PKCS#12 file serves as an app's client
 * certificate in the certificate-credential test.
 */
public final class TestTls {

    public static final String PASSWORD = "stub-password";
    private static TestTls instance;

    private final Path keyStore;
    private final SSLContext server;
    private final SSLContext client;

    private TestTls(Path keyStore) throws Exception {
        this.keyStore = keyStore;
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            keys.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, PASSWORD.toCharArray());
        server = SSLContext.getInstance("TLS");
        server.init(kmf.getKeyManagers(), null, null);

        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("stub", keys.getCertificate("stub"));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        client = SSLContext.getInstance("TLS");
        client.init(null, tmf.getTrustManagers(), null);
    }

    public static synchronized TestTls get() {
        if (instance == null) {
            try {
                instance = new TestTls(generate());
            } catch (Exception e) {
                throw new IllegalStateException("could not make the test certificate: " + e, e);
            }
        }
        return instance;
    }

    private static Path generate() throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("callcodes-watch-tls");
        Path file = dir.resolve("stub.p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process process = new ProcessBuilder(keytool, "-genkeypair", "-alias", "stub", "-keyalg", "RSA",
                "-keysize", "2048", "-validity", "2", "-dname", "CN=localhost",
                "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-keystore", file.toString(), "-storetype", "PKCS12",
                "-storepass", PASSWORD, "-keypass", PASSWORD)
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("keytool failed: " + output);
        }
        file.toFile().deleteOnExit();
        dir.toFile().deleteOnExit();
        return file;
    }

    public SSLContext server() {
        return server;
    }

    public SSLContext client() {
        return client;
    }

    /** The PKCS#12 file (key and certificate), password {@link #PASSWORD}. */
    public Path keyStore() {
        return keyStore;
    }
}
