package io.kinesisconnect.testkit.limits;

import io.kinesisconnect.processes.ProcessPaths;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The proxy's TLS: a self-signed RSA certificate for 127.0.0.1 (CN and IP SAN), made once per JVM
 * by the JDK's own keytool into a PKCS12 file under the build directory, with a random password
 * that never leaves memory (keytool reads it from its environment, not its command line).
 */
final class ProxyTls {

    private static final Logger log = LoggerFactory.getLogger(ProxyTls.class);
    private static final String ALIAS = "kinesis-limits-proxy";
    private static final String PASSWORD_ENV = "KINESIS_LIMITS_PROXY_STOREPASS";
    private static final long KEYTOOL_SECONDS = 60;

    private static SSLContext context;

    private ProxyTls() {}

    /** The server-side TLS context, made on first use. */
    static synchronized SSLContext context() {
        if (context == null) {
            context = create();
        }
        return context;
    }

    private static SSLContext create() {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        char[] password =
                Base64.getUrlEncoder().withoutPadding().encodeToString(random).toCharArray();
        Path dir = ProcessPaths.buildDirectory().resolve("kinesis-limits-proxy");
        Path store = dir.resolve("proxy-" + ProcessHandle.current().pid() + ".p12");
        long started = System.nanoTime();
        try {
            Files.createDirectories(dir);
            Files.deleteIfExists(store);
            runKeytool(store, password);
            store.toFile().deleteOnExit();
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                keys.load(in, password);
            }
            KeyManagerFactory managers =
                    KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            managers.init(keys, password);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(managers.getKeyManagers(), null, null);
            log.info(
                    "Self-signed certificate for the Kinesis limits proxy: file={} ms={}",
                    store,
                    (System.nanoTime() - started) / 1_000_000);
            return tls;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(
                    "Could not make the proxy's self-signed certificate in " + store, e);
        }
    }

    private static void runKeytool(Path store, char[] password) throws IOException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<String> command =
                List.of(
                        keytool.toString(),
                        "-genkeypair",
                        "-alias",
                        ALIAS,
                        "-keyalg",
                        "RSA",
                        "-keysize",
                        "2048",
                        "-validity",
                        "30",
                        "-dname",
                        "CN=127.0.0.1",
                        "-ext",
                        "SAN=ip:127.0.0.1",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        store.toString(),
                        "-storepass:env",
                        PASSWORD_ENV,
                        "-keypass:env",
                        PASSWORD_ENV);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put(PASSWORD_ENV, new String(password));
        Process process = builder.start();
        String output;
        try (InputStream out = process.getInputStream()) {
            output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
        }
        try {
            if (!process.waitFor(KEYTOOL_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(keytool + " did not finish in " + KEYTOOL_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("Interrupted while waiting for " + keytool, e);
        }
        if (process.exitValue() != 0) {
            throw new IOException(
                    keytool + " exited with " + process.exitValue() + ": " + output.strip());
        }
    }
}
