package io.fathom.engine.transport;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A self-signed certificate for the peers' address, {@code 127.0.0.1} and no host name, made once per test
 * JVM with the JDK's keytool (so nothing outside the JDK is needed): its certificate and PKCS#8 key as PEM
 * files under {@code target/} for the peers, and an {@code SSLContext} that trusts it and nothing else.
 */
final class TestCertificates
{
    private static final String PASSWORD = "changeit";
    private static TestCertificates made;

    /** A certificate and its key, as PEM files. */
    record Pem(Path certificate, Path key)
    {
    }

    private final Pem pem;
    private final SSLContext trusting;

    private TestCertificates(final Pem pem, final SSLContext trusting)
    {
        this.pem = pem;
        this.trusting = trusting;
    }

    static synchronized TestCertificates get() throws Exception
    {
        if (made == null)
        {
            made = make(Files.createDirectories(Path.of("target").toAbsolutePath()));
        }
        return made;
    }

    Pem pem()
    {
        return pem;
    }

    /** Trusts the peers' certificate alone. */
    SSLContext trusting()
    {
        return trusting;
    }

    private static TestCertificates make(final Path target) throws Exception
    {
        final Path dir = Files.createTempDirectory(target, "tls-peer");
        final Path store = dir.resolve("peer.p12");
        keytool("-genkeypair", "-alias", "peer", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
            "-dname", "CN=fathom-test-peer", "-ext", "SAN=ip:127.0.0.1", "-keystore", store.toString());
        final KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store))
        {
            keys.load(in, PASSWORD.toCharArray());
        }
        final Certificate certificate = keys.getCertificate("peer");
        final Pem pem = new Pem(dir.resolve("peer.pem"), dir.resolve("peer-key.pem"));
        Files.writeString(pem.certificate(), pem("CERTIFICATE", certificate.getEncoded()));
        Files.writeString(pem.key(), pem("PRIVATE KEY", keys.getKey("peer", PASSWORD.toCharArray()).getEncoded()));

        final KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("peer", certificate);
        final TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        final SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trustManagers.getTrustManagers(), null);
        return new TestCertificates(pem, context);
    }

    private static String pem(final String type, final byte[] der)
    {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static void keytool(final String... args) throws Exception
    {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        command.addAll(List.of("-storetype", "PKCS12", "-storepass", PASSWORD));
        final Process keytool = new ProcessBuilder(command).redirectErrorStream(true).start();
        keytool.getOutputStream().close();
        final String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as("keytool %s: %s", command, output).isZero();
    }
}
