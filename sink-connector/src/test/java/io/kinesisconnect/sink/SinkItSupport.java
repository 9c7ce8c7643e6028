package io.kinesisconnect.sink;

import io.kinesisconnect.processes.EmulatorProcess;
import io.kinesisconnect.processes.KinesisTestClients;
import io.kinesisconnect.sink.config.KinesisSinkConfig;
import io.kinesisconnect.sink.delivery.MetricsRegistration;
import io.kinesisconnect.testkit.ConnectTestCluster;
import java.lang.management.ManagementFactory;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.management.JMException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.connect.converters.ByteArrayConverter;

/** What the sink integration tests share: a connector config for the emulator, produce, JMX. */
final class SinkItSupport {

    private SinkItSupport() {}

    /**
     * A sink config writing to {@code stream} on the emulator's TLS port, with bytes converters,
     * one task, and the KPL binary unpacked once under target/kpl.
     */
    static Map<String, String> connectorConfig(
            EmulatorProcess emulator, String name, String topics, String stream) {
        int tls = emulator.tlsPort();
        Map<String, String> c = new HashMap<>();
        c.put("name", name);
        c.put("connector.class", KinesisSinkConnector.class.getName());
        c.put("tasks.max", "1");
        c.put("topics", topics);
        c.put("key.converter", ByteArrayConverter.class.getName());
        c.put("value.converter", ByteArrayConverter.class.getName());
        c.put(KinesisSinkConfig.STREAM_CONFIG, stream);
        c.put("aws.region", KinesisTestClients.REGION.id());
        c.put("aws.endpoint", "https://127.0.0.1:" + tls);
        // kinesis-mock's certificate is self-signed: a local emulator only
        c.put("aws.tls.verify.certificates", "false");
        c.put("aws.credentials.provider", "basic");
        c.put("aws.access.key.id", KinesisTestClients.ACCESS_KEY_ID);
        c.put("aws.secret.access.key", KinesisTestClients.SECRET_ACCESS_KEY);
        c.put("kpl.MetricsLevel", "none");
        c.put("kpl.LogLevel", "warning");
        c.put("kpl.CloudwatchEndpoint", "127.0.0.1");
        c.put("kpl.CloudwatchPort", Integer.toString(tls));
        c.put("kpl.RecordMaxBufferedTime", "100");
        c.put(
                "kpl.TempDirectory",
                Paths.get(System.getProperty("kc.build.dir", "target"), "kpl")
                        .toAbsolutePath()
                        .toString());
        c.put(KinesisSinkConfig.SUMMARY_INTERVAL_CONFIG, "5000");
        return c;
    }

    /**
     * Produces records and waits until the broker has them all; returns where each landed, in the
     * order given.
     */
    static List<RecordMetadata> produce(
            ConnectTestCluster connect, List<ProducerRecord<byte[], byte[]>> records) {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 3_000_000);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        try (KafkaProducer<byte[], byte[]> producer =
                connect.embedded().kafka().createProducer(props)) {
            List<Future<RecordMetadata>> sent = records.stream().map(producer::send).toList();
            List<RecordMetadata> landed = new ArrayList<>();
            for (Future<RecordMetadata> f : sent) {
                landed.add(f.get(60, TimeUnit.SECONDS));
            }
            return landed;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not produce test records", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A figure of the task's JMX metrics, such as RecordsWritten or MaxOutstandingRecords. */
    static long taskMetric(String connector, int task, String attribute) {
        try {
            Object value =
                    ManagementFactory.getPlatformMBeanServer()
                            .getAttribute(
                                    MetricsRegistration.nameFor(connector, Integer.toString(task)),
                                    attribute);
            return ((Number) value).longValue();
        } catch (JMException e) {
            return -1;
        }
    }
}
