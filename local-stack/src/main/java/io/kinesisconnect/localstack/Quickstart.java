package io.kinesisconnect.localstack;

import io.kinesisconnect.processes.Await;
import io.kinesisconnect.processes.EmulatorKind;
import io.kinesisconnect.processes.EmulatorProcess;
import io.kinesisconnect.processes.KinesisStreams;
import io.kinesisconnect.processes.KinesisTestClients;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * The quickstart behind {@code ./bin/quickstart}: kinesis-mock, a KRaft broker and one distributed
 * Connect worker with the built archive in its plugin.path, all on 127.0.0.1; the config/ examples
 * submitted over REST and through the CLI; sample records flowing both ways. Everything stops on
 * Ctrl-C, on SIGTERM ({@code --stop}), or after the demo with {@code --exit-after-demo}.
 */
public final class Quickstart {

    static final String SOURCE_STREAM = "orders";
    static final String SINK_TOPIC = "orders-processed";
    static final String SINK_STREAM = "orders-processed";
    static final String STATEFUN_STREAM = "user-stream";
    static final String STATEFUN_TOPIC = "com.example.fn.greeter";
    private static final Duration RUNNING_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration PROGRESS_INTERVAL = Duration.ofMillis(700);

    private final QuickstartOptions options;
    private final PrintStream out;
    private final Deque<AutoCloseable> running = new ArrayDeque<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final long started = System.nanoTime();

    Quickstart(QuickstartOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public static void main(String[] args) {
        PrintStream out =
                new PrintStream(
                        new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        QuickstartOptions options;
        try {
            options = QuickstartOptions.parse(args);
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage());
            System.exit(2);
            return;
        }
        System.exit(new Quickstart(options, out).run());
    }

    int run() {
        prepareFolder();
        // Logging starts only now, once its file's folder (kc.build.dir) is known, and before the
        // threads below, which would otherwise race to initialise it.
        LoggerFactory.getLogger(Quickstart.class)
                .info("Quickstart starting dir={} records={}", options.dir(), options.records());
        Thread hook = new Thread(this::stopOnSignal, "quickstart-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            demo();
        } catch (RuntimeException | AssertionError e) {
            out.println();
            out.println("The quickstart failed: " + e.getMessage());
            out.println("Logs are in " + options.dir());
            stopAll();
            Runtime.getRuntime().removeShutdownHook(hook);
            return 1;
        }
        if (options.exitAfterDemo()) {
            stopAll();
            Runtime.getRuntime().removeShutdownHook(hook);
            out.println("Stopped everything. Data and logs: " + options.dir());
            return 0;
        }
        out.println();
        out.println("Running. Stop with Ctrl-C or ./bin/quickstart --stop");
        awaitStop();
        return 0;
    }

    private void demo() {
        Path dir = options.dir();
        out.println("Kinesis Connect quickstart. Data and logs: " + dir);
        CompletableFuture<EmulatorProcess> emulatorStart =
                CompletableFuture.supplyAsync(
                        () -> EmulatorProcess.start(EmulatorKind.KINESIS_MOCK));
        KraftBroker broker =
                step(
                        "Kafka KRaft broker",
                        () -> KraftBroker.start(kafkaLib(), dir.resolve("kafka")),
                        b -> b.bootstrapServers() + "  log " + b.process().logFile());
        EmulatorProcess emulator =
                step(
                        "kinesis-mock",
                        emulatorStart::join,
                        e -> e.endpoint() + " and " + e.tlsEndpoint() + "  log " + e.logFile());
        step(
                "Plugin archive installed",
                () -> PluginArchive.install(archive(), dir.resolve("plugins")),
                p -> p.toString());
        ConnectWorker worker =
                step(
                        "Connect worker (distributed)",
                        () ->
                                ConnectWorker.start(
                                        new ConnectWorker.Runtime(kafkaLib(), true),
                                        "connect-worker",
                                        "kinesis-connect-quickstart",
                                        broker.bootstrapServers(),
                                        dir.resolve("plugins"),
                                        dir.resolve("connect")),
                        w -> w.rest().baseUrl() + "  log " + w.process().logFile());
        KinesisClient kinesis = KinesisTestClients.create(emulator.endpoint());
        running.push(kinesis);
        Flows flows = new Flows(broker.bootstrapServers(), emulator, kinesis);
        createStreamsAndTopics(kinesis, flows);
        submitConnectors(worker, emulator);
        showFlow(broker, kinesis, flows);
        out.printf(
                Locale.ROOT,
                "Connect REST %s   Kafka %s   Kinesis %s%n",
                worker.rest().baseUrl(),
                broker.bootstrapServers(),
                emulator.endpoint());
    }

    private void createStreamsAndTopics(KinesisClient kinesis, Flows flows) {
        step(
                "Streams and topics created",
                () -> {
                    KinesisStreams streams = new KinesisStreams(kinesis);
                    for (String stream :
                            List.of(SOURCE_STREAM, SINK_STREAM, STATEFUN_STREAM, "audit-stream")) {
                        int shards = stream.startsWith("orders") ? 2 : 1;
                        kinesis.createStream(b -> b.streamName(stream).shardCount(shards));
                        streams.awaitActive(stream);
                    }
                    flows.createTopics(
                            SINK_TOPIC,
                            STATEFUN_TOPIC,
                            "com.example.fn.auditor",
                            "__kinesis_connect_markers");
                    return null;
                },
                none ->
                        "streams orders, orders-processed, user-stream, audit-stream; topics"
                                + " orders-processed, com.example.fn.greeter, com.example.fn.auditor");
    }

    private void submitConnectors(ConnectWorker worker, EmulatorProcess emulator) {
        ConnectRest rest = worker.rest();
        ExampleConfigs examples =
                new ExampleConfigs(
                        options.repo().resolve("config"), emulator, Flows.kplDirectory());
        for (ExampleConfigs.Connector connector : List.of(examples.source(), examples.sink())) {
            step(
                    "PUT /connectors/" + connector.name() + "/config",
                    () -> {
                        rest.putConfig(connector.name(), connector.config());
                        rest.awaitAllRunning(connector.name(), RUNNING_TIMEOUT);
                        return null;
                    },
                    none -> "RUNNING");
        }
        Path module = examples.statefunModule(options.dir().resolve("statefun-module-v31.yaml"));
        step(
                "bin/kinesis-connect submit " + options.repo().relativize(module),
                () -> {
                    String output = submitModule(module, rest.baseUrl());
                    List<String> names =
                            output.lines().filter(l -> l.startsWith("statefun-")).toList();
                    rest.awaitAllRunning("statefun-com-example-users-source", RUNNING_TIMEOUT);
                    return String.join("; ", names).strip();
                },
                summary -> summary + "  RUNNING");
    }

    private String submitModule(Path module, String connectUrl) {
        Path log = options.dir().resolve("kinesis-connect-cli.log");
        ProcessBuilder builder =
                new ProcessBuilder(
                                options.repo().resolve("bin/kinesis-connect").toString(),
                                "submit",
                                module.toString(),
                                "--connect-url",
                                connectUrl)
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile());
        try {
            Process cli = builder.start();
            if (!cli.waitFor(2, TimeUnit.MINUTES)) {
                cli.destroyForcibly();
                throw new IllegalStateException(
                        "kinesis-connect submit did not finish; see " + log);
            }
            String output = Files.readString(log);
            if (cli.exitValue() != 0) {
                throw new IllegalStateException(
                        "kinesis-connect submit exited with " + cli.exitValue() + ":\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void showFlow(KraftBroker broker, KinesisClient kinesis, Flows flows) {
        int total = options.records();
        int statefun = Math.max(1, total / 10);
        out.printf(
                Locale.ROOT,
                "Writing %d records to stream %s, %d to topic %s and %d to stream %s%n",
                total,
                SOURCE_STREAM,
                total,
                SINK_TOPIC,
                statefun,
                STATEFUN_STREAM);
        long flowStart = System.nanoTime();
        CompletableFuture<Void> writes =
                CompletableFuture.allOf(
                        CompletableFuture.runAsync(
                                () -> flows.writeToStream(SOURCE_STREAM, "order", 0, total)),
                        CompletableFuture.runAsync(
                                () -> flows.produce(SINK_TOPIC, "processed", 0, total)),
                        CompletableFuture.runAsync(
                                () -> flows.writeToStream(STATEFUN_STREAM, "user", 0, statefun)));
        long[] counts = new long[3];
        try (FlowCounter counter = new FlowCounter(broker.bootstrapServers(), kinesis)) {
            long[] nextPrint = {0};
            Await.until(
                    "records to flow both ways",
                    Flows.DELIVERY_TIMEOUT,
                    () -> {
                        if (System.nanoTime() < nextPrint[0]) {
                            return false;
                        }
                        nextPrint[0] = System.nanoTime() + PROGRESS_INTERVAL.toNanos();
                        counts[0] = counter.inTopic(SOURCE_STREAM);
                        counts[1] = counter.inStream(SINK_STREAM);
                        counts[2] = counter.inTopic(STATEFUN_TOPIC);
                        progress(counts, total, statefun, false);
                        return counts[0] >= total && counts[1] >= total && counts[2] >= statefun;
                    });
        }
        writes.join();
        progress(counts, total, statefun, true);
        Duration took = Duration.ofNanos(System.nanoTime() - flowStart);
        // The counts above are totals; these checks prove every distinct record arrived.
        int toKafka = flows.awaitAllInTopic(SOURCE_STREAM, "order", total);
        int toKinesis = flows.awaitAllInStream(SINK_STREAM, "processed", total);
        summary(total, toKafka, toKinesis, statefun, counts[2], took);
    }

    private void progress(long[] counts, int total, int statefun, boolean last) {
        String line =
                String.format(
                        Locale.ROOT,
                        "kinesis→kafka %d/%d  kafka→kinesis %d/%d  statefun %d/%d",
                        counts[0],
                        total,
                        counts[1],
                        total,
                        counts[2],
                        statefun);
        if (System.console() != null) {
            // One live line, rewritten in place; the last state stays on screen.
            out.print("\r" + line + (last ? "\n" : ""));
        } else if (!last) {
            out.println(line);
        }
    }

    private void summary(
            int total, int toKafka, int toKinesis, int statefun, long statefunSeen, Duration took) {
        out.println();
        out.println("Summary");
        out.printf(
                Locale.ROOT,
                "  kinesis→kafka  %d/%d records  stream %s → topic %s (kinesis-source.json)%n",
                Math.min(toKafka, total),
                total,
                SOURCE_STREAM,
                SOURCE_STREAM);
        out.printf(
                Locale.ROOT,
                "  kafka→kinesis  %d/%d records  topic %s → stream %s (kinesis-sink.json, KPL over"
                        + " TLS)%n",
                Math.min(toKinesis, total),
                total,
                SINK_TOPIC,
                SINK_STREAM);
        out.printf(
                Locale.ROOT,
                "  statefun       %d/%d records  stream %s → topic %s (statefun-module-v31.yaml"
                        + " via bin/kinesis-connect)%n",
                Math.min(statefunSeen, statefun),
                statefun,
                STATEFUN_STREAM,
                STATEFUN_TOPIC);
        out.printf(
                Locale.ROOT,
                "  every record arrived, both ways, %.1f s after the first write; %.0f s since"
                        + " start%n",
                took.toMillis() / 1000.0,
                Duration.ofNanos(System.nanoTime() - started).toMillis() / 1000.0);
        out.println("  data and logs: " + options.dir());
    }

    /** Runs one start-up step, prints it with its time, and keeps what it started for stop. */
    private <T> T step(String what, Supplier<T> action, Function<T, String> info) {
        long begin = System.nanoTime();
        T result = action.get();
        if (result instanceof AutoCloseable closeable) {
            running.push(closeable);
        }
        out.printf(
                Locale.ROOT,
                "  ✓ %-44s %5.1f s  %s%n",
                what,
                (System.nanoTime() - begin) / 1e9,
                info.apply(result));
        return result;
    }

    private void prepareFolder() {
        Path dir = options.dir();
        try {
            if (Files.exists(dir)) {
                try (Stream<Path> files = Files.walk(dir)) {
                    List<Path> all =
                            new ArrayList<>(files.sorted(Comparator.reverseOrder()).toList());
                    for (Path file : all) {
                        Files.delete(file);
                    }
                }
            }
            Files.createDirectories(dir);
            Files.writeString(
                    dir.resolve("quickstart.pid"), Long.toString(ProcessHandle.current().pid()));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare " + dir, e);
        }
        // The emulator's log (local-processes) and the KPL's binary (Flows) go under kc.build.dir.
        System.setProperty("kc.build.dir", dir.toString());
        if (System.getProperty("kc.node.modules") == null) {
            System.setProperty(
                    "kc.node.modules", options.repo().resolve("node_modules").toString());
        }
    }

    private Path kafkaLib() {
        return options.repo().resolve("e2e-tests/runtimes/kafka-4/target/lib");
    }

    private Path archive() {
        Path target = options.repo().resolve("packaging/target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(f -> f.getFileName().toString().matches("kinesis-connect-.*\\.zip"))
                    .findFirst()
                    .orElseThrow(
                            () ->
                                    new IllegalStateException(
                                            "No archive in " + target + "; run mvn install"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitStop() {
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void stopOnSignal() {
        out.println();
        out.println("Stopping…");
        stopAll();
        out.println("Stopped everything. Data and logs: " + options.dir());
        stopped.countDown();
    }

    /** Stops in reverse start order: worker (and its KPL children), broker, emulator. */
    private synchronized void stopAll() {
        while (!running.isEmpty()) {
            AutoCloseable next = running.pop();
            try {
                next.close();
            } catch (Exception e) {
                out.println("Could not stop " + next + ": " + e);
            }
        }
        try {
            Files.deleteIfExists(options.dir().resolve("quickstart.pid"));
        } catch (IOException e) {
            out.println("Could not remove the pid file: " + e);
        }
    }
}
