package io.kinesisconnect.processes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * One Kinesis emulator running as a child node process, bound to 127.0.0.1 on free ports.
 *
 * <p>The process is killed on {@link #close()}, and by a JVM shutdown hook if a test run ends
 * without closing it, so no emulator outlives the tests or the quickstart that started it. Its
 * output goes to a log file under the build folder ({@link ProcessPaths#buildDirectory()}).
 */
public final class EmulatorProcess implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmulatorProcess.class);
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);
    private static final String LOCALHOST = "127.0.0.1";

    private final EmulatorKind kind;
    private final EmulatorOptions options;
    private final int port;
    private final int tlsPort;
    private final Path logFile;
    private Process process;
    private Thread shutdownHook;

    private EmulatorProcess(EmulatorKind kind, EmulatorOptions options, int port, int tlsPort) {
        this.kind = kind;
        this.options = options;
        this.port = port;
        this.tlsPort = tlsPort;
        this.logFile =
                ProcessPaths.buildDirectory()
                        .resolve("emulator-logs")
                        .resolve(kind.name().toLowerCase() + "-" + port + ".log");
    }

    /** Starts an emulator and returns once it answers Kinesis API calls. */
    public static EmulatorProcess start(EmulatorKind kind, EmulatorOptions options) {
        int port = freePort();
        int tlsPort = kind == EmulatorKind.KINESIS_MOCK ? freePort() : port;
        EmulatorProcess emulator = new EmulatorProcess(kind, options, port, tlsPort);
        emulator.launch();
        return emulator;
    }

    /** Starts an emulator with default options. */
    public static EmulatorProcess start(EmulatorKind kind) {
        return start(kind, EmulatorOptions.defaults());
    }

    public EmulatorKind kind() {
        return kind;
    }

    /** The plain-HTTP endpoint. Not available for kinesalite started with TLS. */
    public URI endpoint() {
        if (kind == EmulatorKind.KINESALITE && options.tls()) {
            throw new IllegalStateException("This kinesalite serves HTTPS only; use tlsEndpoint()");
        }
        return URI.create("http://" + LOCALHOST + ":" + port);
    }

    /** The HTTPS endpoint, with a self-signed certificate. Not available for plain kinesalite. */
    public URI tlsEndpoint() {
        if (kind == EmulatorKind.KINESALITE && !options.tls()) {
            throw new IllegalStateException(
                    "This kinesalite serves plain HTTP; start it withTls()");
        }
        return URI.create("https://" + LOCALHOST + ":" + tlsPort);
    }

    /** The port of {@link #tlsEndpoint()}, which is what the KPL needs. */
    public int tlsPort() {
        tlsEndpoint();
        return tlsPort;
    }

    public Path logFile() {
        return logFile;
    }

    /**
     * What kinesis-mock has persisted, for a test that kills it and must not lose what it
     * acknowledged. Only for kinesis-mock started with a data directory.
     */
    public PersistedStreams persisted() {
        if (!persisting()) {
            throw new IllegalStateException(
                    "Only kinesis-mock started with EmulatorOptions.persistingTo(...) persists");
        }
        return new PersistedStreams(options.dataDirectory().get());
    }

    public synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** The operating-system process id, for tests that want to check it is gone. */
    public synchronized long pid() {
        return process.pid();
    }

    /**
     * Kills the emulator and starts it again on the same ports. Streams survive only when the
     * options name a data directory.
     */
    public synchronized void restart() {
        stop();
        launch();
    }

    /**
     * Kills the emulator process and everything it started, and waits until they are gone.
     *
     * <p>kinesis-mock rewrites its whole data file in place on every persist interval, so a SIGKILL
     * often lands mid-write and leaves a truncated file that the next start refuses to load
     * ("NoSuchElementException", exit code 1). So a persisting kinesis-mock's last complete file is
     * read before the kill and put back after it: the restarted emulator holds what it had
     * persisted, as a real endpoint that restarts keeps what it acknowledged.
     */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        Optional<PersistedStreams.Snapshot> snapshot =
                persisting() ? persisted().snapshot() : Optional.empty();
        kill(process);
        snapshot.ifPresent(PersistedStreams.Snapshot::restore);
        removeShutdownHook();
        log.info("Stopped {} on port {}", kind, port);
        process = null;
    }

    /**
     * SIGSTOP: the emulator keeps its port and its data but answers nothing, so clients time out,
     * until {@link #thaw()}. An outage that keeps every acknowledged record, unlike a kill of a
     * kinesis-mock that persists only on an interval.
     */
    public synchronized void freeze() {
        ProcessSignals.send(process.toHandle(), "STOP");
        log.info("Froze {} on port {}", kind, port);
    }

    /** SIGCONT for a frozen emulator: it answers again, with everything it held. */
    public synchronized void thaw() {
        ProcessSignals.send(process.toHandle(), "CONT");
        log.info("Thawed {} on port {}", kind, port);
    }

    private boolean persisting() {
        return kind == EmulatorKind.KINESIS_MOCK && options.dataDirectory().isPresent();
    }

    @Override
    public void close() {
        stop();
    }

    private synchronized void launch() {
        long started = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(command()).redirectErrorStream(true);
        builder.environment().putAll(environment());
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(prepareLogFile().toFile()));
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Could not start node for " + kind + "; is Node.js installed?", e);
        }
        Process started0 = process;
        shutdownHook = new Thread(() -> kill(started0), "kill-" + kind + "-" + port);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        try {
            awaitReady();
        } catch (RuntimeException | AssertionError e) {
            stop();
            throw new IllegalStateException(
                    kind + " did not become ready; log " + logFile + ":\n" + tailOfLog(), e);
        }
        log.info(
                "Started {} pid={} port={} tlsPort={} in {} ms, log {}",
                kind,
                process.pid(),
                port,
                tlsPort,
                Duration.ofNanos(System.nanoTime() - started).toMillis(),
                logFile);
    }

    private List<String> command() {
        Path modules = ProcessPaths.nodeModules();
        Path preload = loopbackPreload();
        List<String> command = new ArrayList<>();
        command.add(ProcessPaths.node());
        command.add("-r");
        command.add(preload.toString());
        command.add(modules.resolve(kind.packageName()).resolve(kind.entryPoint()).toString());
        if (kind == EmulatorKind.KINESALITE) {
            command.addAll(List.of("--port", Integer.toString(port), "--shardLimit", "1000"));
            command.addAll(List.of("--createStreamMs", "50", "--deleteStreamMs", "50"));
            command.addAll(List.of("--updateStreamMs", "50"));
            if (options.tls()) {
                command.add("--ssl");
            }
            options.dataDirectory()
                    .ifPresent(dir -> command.addAll(List.of("--path", dir.toString())));
        }
        return command;
    }

    private Map<String, String> environment() {
        Map<String, String> env = new java.util.HashMap<>();
        if (kind == EmulatorKind.KINESIS_MOCK) {
            Path modules = ProcessPaths.nodeModules();
            env.put("KINESIS_MOCK_PLAIN_PORT", Integer.toString(port));
            env.put("KINESIS_MOCK_TLS_PORT", Integer.toString(tlsPort));
            env.put(
                    "KINESIS_MOCK_CERT_PATH",
                    modules.resolve(kind.packageName()).resolve("server.json").toString());
            // The default of 50 shards runs out across the streams of one test run.
            env.put("SHARD_LIMIT", "1000");
            env.put("ON_DEMAND_STREAM_COUNT_LIMIT", "100");
            env.put("LOG_LEVEL", "WARN");
            // State transitions default to 500 ms each; tests create many streams.
            for (String delay :
                    List.of(
                            "CREATE_STREAM_DURATION",
                            "DELETE_STREAM_DURATION",
                            "MERGE_SHARDS_DURATION",
                            "SPLIT_SHARD_DURATION",
                            "UPDATE_SHARD_COUNT_DURATION",
                            "REGISTER_STREAM_CONSUMER_DURATION",
                            "DEREGISTER_STREAM_CONSUMER_DURATION")) {
                env.put(delay, "50ms");
            }
            options.dataDirectory()
                    .ifPresent(
                            dir -> {
                                env.put("SHOULD_PERSIST_DATA", "true");
                                env.put("LOAD_DATA_IF_EXISTS", "true");
                                env.put("PERSIST_PATH", dir.toString());
                                // It rewrites its whole state each time, which starves a loaded
                                // machine at short intervals; tests that kill it wait for the
                                // data file (PersistedStreams) instead of relying on the interval.
                                env.put("PERSIST_INTERVAL", "1s");
                            });
        }
        env.putAll(options.environment());
        return env;
    }

    private void awaitReady() {
        Await.until(
                kind + " to accept connections on port " + port,
                STARTUP_TIMEOUT,
                () -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException(
                                kind + " exited with code " + process.exitValue());
                    }
                    return accepts(port) && accepts(tlsPort);
                });
        if (kind == EmulatorKind.KINESALITE && options.tls()) {
            return;
        }
        try (KinesisClient client = KinesisTestClients.create(endpoint())) {
            Await.until(
                    kind + " to answer ListStreams",
                    STARTUP_TIMEOUT,
                    () -> {
                        client.listStreams();
                        return true;
                    });
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(LOCALHOST, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private Path prepareLogFile() {
        try {
            Files.createDirectories(logFile.getParent());
            return logFile;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path loopbackPreload() {
        Path target =
                ProcessPaths.buildDirectory().resolve("emulator-logs").resolve("loopback-only.js");
        try (InputStream in = EmulatorProcess.class.getResourceAsStream("loopback-only.js")) {
            if (in == null) {
                throw new IllegalStateException(
                        "loopback-only.js is missing from the local-processes jar");
            }
            Files.createDirectories(target.getParent());
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String tailOfLog() {
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(log not readable: " + e + ")";
        }
    }

    private void removeShutdownHook() {
        if (shutdownHook == null) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            log.debug("JVM is shutting down; the hook kills {}", kind);
        }
        shutdownHook = null;
    }

    /**
     * Kills a process and its descendants. kinesis-mock ignores SIGTERM, so both emulators get
     * SIGKILL: they hold nothing that a clean shutdown would save, and persistence is flushed on an
     * interval.
     */
    private static void kill(Process process) {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("Process " + handle.pid() + " did not exit", e);
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOCALHOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
