package io.fathom.tools.host;

import io.fathom.testing.Await;
import io.fathom.tools.ChildCli;
import io.fathom.tools.LoopbackWebSocketServer;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.DefaultSSLWebSocketServerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine checks that a venue's TLS certificate names the host it connects to, not merely that some
 * trusted authority signed it. A local {@code wss://} server presents a certificate the engine trusts
 * (through the standard {@code javax.net.ssl.trustStore} properties of its JVM); when the certificate
 * names another host, {@code other.example}, the connection fails with an error naming the host the
 * engine asked for, and the server never sees a WebSocket open; when it names the host, it connects.
 * Every transport is held to it: Java-WebSocket's, the JDK's HttpClient's and the selector transport's
 * {@code SSLEngine} TLS are set up differently.
 * The certificates are made at test time with the JDK's keytool.
 */
class TlsHostnameVerificationTest
{
    private static final String PASSWORD = "changeit";

    @TempDir
    static Path certificates;

    @TempDir
    Path dir;

    @BeforeAll
    static void makeCertificates() throws Exception
    {
        keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
            "-dname", "CN=other.example", "-ext", "SAN=dns:other.example", "-keystore", store("other"));
        keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
            "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-keystore", store("local"));
        for (final String name : List.of("other", "local"))
        {
            final String pem = certificates.resolve(name + ".pem").toString();
            keytool("-exportcert", "-rfc", "-alias", "server", "-keystore", store(name), "-file", pem);
            keytool("-importcert", "-noprompt", "-alias", name, "-file", pem, "-keystore", store("trust"));
        }
    }

    @ParameterizedTest(name = "wss://{0} with a certificate for {1} over {2}")
    @CsvSource({ "localhost, other, java-websocket", "127.0.0.1, other, java-websocket",
        "localhost, other, jdk", "127.0.0.1, other, jdk", "localhost, other, selector", "127.0.0.1, other, selector" })
    void refusesATrustedCertificateThatNamesAnotherHost(final String host, final String certificate, final String transport)
        throws Exception
    {
        try (Server server = Server.start(certificate); ChildCli engine = startEngine(host, server.port(), transport))
        {
            Await.until(() -> engine.err().stream().anyMatch(line -> line.contains("SSLHandshakeException")),
                Duration.ofSeconds(60), "a TLS handshake failure; " + engine);

            final String failure = engine.err().stream().filter(line -> line.contains("SSLHandshakeException"))
                .findFirst().orElseThrow();
            assertThat(failure).contains("wss://" + host + ":" + server.port())
                .containsPattern("No subject alternative (DNS name|names) matching (IP address )?" + host.replace(".", "\\.") +
                    " found");
            assertThat(server.opened).as("WebSocket opens the server saw").isEmpty();
            stop(engine);
        }
    }

    @ParameterizedTest(name = "wss://{0} with a certificate for {1} over {2}")
    @CsvSource({ "localhost, local, java-websocket", "127.0.0.1, local, java-websocket",
        "localhost, local, jdk", "127.0.0.1, local, jdk", "localhost, local, selector", "127.0.0.1, local, selector" })
    void connectsWhenTheCertificateNamesTheHost(final String host, final String certificate, final String transport)
        throws Exception
    {
        try (Server server = Server.start(certificate); ChildCli engine = startEngine(host, server.port(), transport))
        {
            final String resource = server.firstOpen.get(60, TimeUnit.SECONDS);

            assertThat(resource).contains("btcusdt@depth");
            assertThat(engine.err()).noneMatch(line -> line.contains("SSLHandshakeException"));
            stop(engine);
        }
    }

    private ChildCli startEngine(final String host, final int port, final String transport) throws Exception
    {
        return ChildCli.startAsOperator(
            List.of("-Djavax.net.ssl.trustStore=" + store("trust"), "-Djavax.net.ssl.trustStorePassword=" + PASSWORD,
                "-Djavax.net.ssl.trustStoreType=PKCS12"),
            Map.of(), Files.createDirectories(dir.resolve("work")).toFile(),
            List.of("run", "--transport", transport, "--symbols", "btcusdt", "--url", "wss://" + host + ":" + port,
                "--rest-url", "http://127.0.0.1:" + closedPort(), "--quiet",
                "--run-dir", dir.resolve("run").toString(), "--journal", dir.resolve("journal").toString()));
    }

    private static void stop(final ChildCli engine) throws Exception
    {
        engine.signal("TERM");
        assertThat(engine.waitFor(30)).as("exit status; %s", engine).isZero();
    }

    private static int closedPort() throws Exception
    {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()))
        {
            return socket.getLocalPort();
        }
    }

    private static String store(final String name)
    {
        return certificates.resolve(name + ".p12").toString();
    }

    private static void keytool(final String... args) throws Exception
    {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        command.addAll(List.of("-storetype", "PKCS12", "-storepass", PASSWORD));
        final Process keytool = new ProcessBuilder(command).redirectErrorStream(true).start();
        final String output = new String(keytool.getInputStream().readAllBytes());
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as("keytool %s: %s", command, output).isZero();
    }

    /** A {@code wss://} server on loopback presenting one of the test certificates; records each open. */
    private static final class Server extends LoopbackWebSocketServer
    {
        private final CompletableFuture<String> firstOpen = new CompletableFuture<>();
        private final List<String> opened = new CopyOnWriteArrayList<>();

        static Server start(final String certificate) throws Exception
        {
            final KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(Path.of(store(certificate))))
            {
                keys.load(in, PASSWORD.toCharArray());
            }
            final KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(keys, PASSWORD.toCharArray());
            final SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(keyManagers.getKeyManagers(), null, null);

            final Server server = new Server();
            server.setWebSocketFactory(new DefaultSSLWebSocketServerFactory(tls));
            server.startAndAwait();
            return server;
        }

        int port()
        {
            return getPort();
        }

        @Override
        public void onOpen(final WebSocket connection, final ClientHandshake handshake)
        {
            opened.add(handshake.getResourceDescriptor());
            firstOpen.complete(handshake.getResourceDescriptor());
        }
    }
}
