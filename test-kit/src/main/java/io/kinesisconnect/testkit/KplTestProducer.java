package io.kinesisconnect.testkit;

import java.nio.file.Path;
import software.amazon.kinesis.producer.KinesisProducer;
import software.amazon.kinesis.producer.KinesisProducerConfiguration;

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
                configuration(emulator, TestPaths.buildDirectory().resolve("kpl")));
    }
}
