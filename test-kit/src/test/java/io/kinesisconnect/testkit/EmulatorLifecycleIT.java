package io.kinesisconnect.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinesisconnect.processes.Await;
import io.kinesisconnect.processes.EmulatorKind;
import io.kinesisconnect.processes.EmulatorOptions;
import io.kinesisconnect.processes.EmulatorProcess;
import io.kinesisconnect.processes.KinesisStreams;
import io.kinesisconnect.processes.KinesisTestClients;
import io.kinesisconnect.processes.StreamContents;
import io.kinesisconnect.processes.StreamReader;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * The emulator processes are confined to loopback, die completely when stopped, and can restart.
 */
class EmulatorLifecycleIT {

    @ParameterizedTest
    @EnumSource(EmulatorKind.class)
    void listensOnLoopbackOnlyAndLeavesNoProcessBehindWhenStopped(EmulatorKind kind)
            throws IOException {
        EmulatorProcess emulator = EmulatorProcess.start(kind);
        int port = emulator.endpoint().getPort();
        long pid = emulator.pid();
        List<ProcessHandle> tree =
                new ArrayList<>(ProcessHandle.of(pid).orElseThrow().descendants().toList());
        tree.add(ProcessHandle.of(pid).orElseThrow());

        assertThat(listeningAddresses(port))
                .as("addresses listening on port " + port)
                .containsOnly("127.0.0.1");

        emulator.stop();

        assertThat(tree).noneMatch(ProcessHandle::isAlive);
        assertThat(accepts(port)).as("port " + port + " is closed").isFalse();
    }

    @Test
    void restartKeepsStreamsAndRecordsWhenPersisting(@TempDir Path data) throws IOException {
        try (EmulatorProcess emulator =
                        EmulatorProcess.start(
                                EmulatorKind.KINESIS_MOCK,
                                EmulatorOptions.defaults().persistingTo(data));
                KinesisClient client = KinesisTestClients.create(emulator.endpoint())) {
            String stream = new KinesisStreams(client).create("persisted", 1);
            client.putRecord(
                    b ->
                            b.streamName(stream)
                                    .partitionKey("survivor")
                                    .data(SdkBytes.fromUtf8String("still here")));
            Await.until(
                    "the emulator to persist the record",
                    Duration.ofSeconds(30),
                    () -> emulator.persisted().recordCount(stream).orElse(0) == 1);

            emulator.restart();

            try (KinesisClient fresh = KinesisTestClients.create(emulator.endpoint())) {
                StreamContents contents = new StreamReader(fresh).readAll(stream);
                assertThat(contents.records())
                        .singleElement()
                        .satisfies(r -> assertThat(r.dataAsString()).isEqualTo("still here"));
            }
        }
    }

    /** The local addresses of sockets listening on {@code port}, read from the kernel's tables. */
    private static List<String> listeningAddresses(int port) throws IOException {
        List<String> addresses = new ArrayList<>();
        String portHex = String.format(Locale.ROOT, "%04X", port);
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path path = Paths.get(table);
            if (!Files.exists(path)) {
                continue;
            }
            for (String line : Files.readAllLines(path)) {
                String[] fields = line.trim().split("\\s+");
                boolean listening = fields.length > 3 && "0A".equals(fields[3]);
                if (listening && fields[1].endsWith(":" + portHex)) {
                    addresses.add(decode(fields[1].substring(0, fields[1].indexOf(':'))));
                }
            }
        }
        return addresses;
    }

    /** /proc/net/tcp writes IPv4 addresses as little-endian hex; anything else is shown raw. */
    private static String decode(String hex) {
        if (hex.length() != 8) {
            return hex;
        }
        long value = Long.parseLong(hex, 16);
        return (value & 0xff)
                + "."
                + (value >> 8 & 0xff)
                + "."
                + (value >> 16 & 0xff)
                + "."
                + (value >> 24 & 0xff);
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
