package io.kinesisconnect.testkit;

import com.google.common.util.concurrent.ListenableFuture;
import io.kinesisconnect.processes.EmulatorProcess;
import io.kinesisconnect.processes.KinesisTestClients;
import io.kinesisconnect.processes.ProcessPaths;
import io.kinesisconnect.processes.StreamWriter;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import software.amazon.kinesis.producer.KinesisProducer;
import software.amazon.kinesis.producer.KinesisProducerConfiguration;
import software.amazon.kinesis.producer.UserRecordResult;

/** KPL producers pointed at an emulator's TLS port, for writing aggregated records in tests. */
public final class KplTestProducer {

    /**
     * The emulators serve a self-signed certificate. This is test infrastructure talking to a local
     * emulator on 127.0.0.1, never product code.
     */
    private static final boolean VERIFY_EMULATOR_CERTIFICATE = false;

    private KplTestProducer() {}

    /**
     * A KPL configuration for {@code emulator}: aggregation on, metrics off, records sent within
     * 100 ms, the native binary unpacked under {@code tempDirectory} so it is reused across runs.
     */
    public static KinesisProducerConfiguration configuration(
            EmulatorProcess emulator, Path tempDirectory) {
        int tlsPort = emulator.tlsPort();
        return new KinesisProducerConfiguration()
                .setRegion(KinesisTestClients.REGION.id())
                .setCredentialsProvider(KinesisTestClients.credentials())
                .setKinesisEndpoint("127.0.0.1")
                .setKinesisPort(tlsPort)
                .setCloudwatchEndpoint("127.0.0.1")
                .setCloudwatchPort(tlsPort)
                .setStsEndpoint("127.0.0.1")
                .setStsPort(tlsPort)
                .setVerifyCertificate(VERIFY_EMULATOR_CERTIFICATE)
                .setMetricsLevel("none")
                .setLogLevel("warning")
                .setAggregationEnabled(true)
                .setRecordMaxBufferedTime(100)
                .setTempDirectory(tempDirectory.toAbsolutePath().toString());
    }

    /** A producer with {@link #configuration}; the caller destroys it. */
    public static KinesisProducer create(EmulatorProcess emulator) {
        return new KinesisProducer(
                configuration(emulator, ProcessPaths.buildDirectory().resolve("kpl")));
    }

    /**
     * Writes {@code entries} in order through a fresh producer, aggregated, and waits until every
     * one is acknowledged.
     *
     * @throws AssertionError when a record was not written
     */
    public static void writeAggregated(
            EmulatorProcess emulator, String stream, List<StreamWriter.Entry> entries)
            throws InterruptedException, ExecutionException, TimeoutException {
        KinesisProducer producer = create(emulator);
        try {
            List<ListenableFuture<UserRecordResult>> results = new ArrayList<>();
            for (int i = 0; i < entries.size(); i++) {
                StreamWriter.Entry entry = entries.get(i);
                results.add(
                        producer.addUserRecord(
                                stream, entry.partitionKey(), ByteBuffer.wrap(entry.data())));
                if (i == 0) {
                    // The KPL aggregates once it has the shard map, which the first record loads.
                    results.get(0).get(1, TimeUnit.MINUTES);
                }
            }
            producer.flushSync();
            for (int i = 0; i < results.size(); i++) {
                if (!results.get(i).get(1, TimeUnit.MINUTES).isSuccessful()) {
                    throw new AssertionError("The KPL did not write record " + i + " to " + stream);
                }
            }
        } finally {
            producer.destroy();
        }
    }
}
