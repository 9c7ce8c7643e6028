package io.kinesisconnect.localstack;

import io.kinesisconnect.common.keys.ConnectKeys;
import io.kinesisconnect.common.keys.SinkKeys;
import io.kinesisconnect.common.keys.SourceKeys;
import io.kinesisconnect.common.keys.StartupMode;
import io.kinesisconnect.processes.EmulatorProcess;
import io.kinesisconnect.processes.StreamContents;
import io.kinesisconnect.processes.StreamReader;
import io.kinesisconnect.processes.StreamWriter;
import io.kinesisconnect.processes.TopicReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * Connector configs and test data for one broker and one emulator: numbered records written to a
 * stream or a topic, and checks that every one of them arrived on the other side.
 */
public final class Flows {

    public static final Duration DELIVERY_TIMEOUT = Duration.ofMinutes(3);

    private final String bootstrapServers;
    private final KinesisEndpoints endpoints;
    private final KinesisClient kinesis;

    public Flows(String bootstrapServers, EmulatorProcess emulator, KinesisClient kinesis) {
        this(bootstrapServers, KinesisEndpoints.of(emulator), kinesis);
    }

    public Flows(String bootstrapServers, KinesisEndpoints endpoints, KinesisClient kinesis) {
        this.bootstrapServers = bootstrapServers;
        this.endpoints = endpoints;
        this.kinesis = kinesis;
    }

    /** A source connector reading {@code stream} from its start into the topic of the same name. */
    public Map<String, String> sourceConfig(String stream, int tasks) {
        Map<String, String> config = awsConfig(endpoints.http().toString());
        config.put(ConnectKeys.CONNECTOR_CLASS, SourceKeys.CONNECTOR_CLASS_NAME);
        config.put("tasks.max", Integer.toString(tasks));
        config.put(SourceKeys.STREAMS, stream);
        config.put(SourceKeys.STARTUP_POSITION, StartupMode.EARLIEST.configValue());
        config.put("topic.creation.default.replication.factor", "1");
        config.put("topic.creation.default.partitions", "2");
        return config;
    }

    /**
     * A sink connector writing {@code topic} to {@code stream} through the KPL and the TLS port.
     */
    public Map<String, String> sinkConfig(String topic, String stream, int tasks) {
        Map<String, String> config = awsConfig(endpoints.https().toString());
        config.put(ConnectKeys.CONNECTOR_CLASS, SinkKeys.CONNECTOR_CLASS_NAME);
        config.put("tasks.max", Integer.toString(tasks));
        config.put(SinkKeys.TOPICS, topic);
        config.put(SinkKeys.STREAM, stream);
        EmulatorAwsSettings.trustSelfSigned(config);
        config.put("kpl.RecordMaxBufferedTime", "100");
        config.put("kpl.MetricsLevel", "none");
        // Shared by every worker, so the KPL's native binary is unpacked once per build.
        config.put("kpl.TempDirectory", kplDirectory().toString());
        return config;
    }

    /**
     * The AWS settings and raw converters: the workers keep Kafka's stock JsonConverter, so a
     * connector that moves bytes sets its converters itself, as config/'s examples do.
     */
    private static Map<String, String> awsConfig(String endpoint) {
        Map<String, String> config = new HashMap<>();
        config.put(ConnectKeys.KEY_CONVERTER, ConnectKeys.STRING_CONVERTER);
        config.put(ConnectKeys.VALUE_CONVERTER, ConnectKeys.BYTE_ARRAY_CONVERTER);
        EmulatorAwsSettings.putInto(config, endpoint);
        return config;
    }

    /** Creates topics with two partitions; ones that exist already are left alone. */
    public void createTopics(String... topics) {
        try (Admin admin =
                Admin.create(
                        Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            for (String topic : topics) {
                try {
                    admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("Could not create topic " + topic, e);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Writes records {@code prefix-from} up to {@code prefix-(to-1)} to a stream, keyed by number.
     */
    public void writeToStream(String stream, String prefix, int from, int to) {
        new StreamWriter(kinesis)
                .putAll(
                        stream,
                        IntStream.range(from, to)
                                .mapToObj(
                                        i ->
                                                new StreamWriter.Entry(
                                                        "key-" + (i % 50), value(prefix, i)))
                                .toList());
    }

    /**
     * Produces records {@code prefix-from} up to {@code prefix-(to-1)} to a topic, acknowledged.
     */
    public void produce(String topic, String prefix, int from, int to) {
        Map<String, Object> props =
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ProducerConfig.ACKS_CONFIG,
                        "all");
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            for (int i = from; i < to; i++) {
                producer.send(new ProducerRecord<>(topic, "key-" + (i % 50), value(prefix, i)));
            }
            producer.flush();
        }
    }

    /**
     * Waits until the topic holds every record {@code prefix-0..count-1}; returns how many it
     * holds.
     */
    public int awaitAllInTopic(String topic, String prefix, int count) {
        TopicReader reader = new TopicReader(bootstrapServers, false);
        Set<String> expected = expected(prefix, count);
        int[] seen = {0};
        io.kinesisconnect.processes.Await.until(
                "all " + count + " records in topic " + topic,
                DELIVERY_TIMEOUT,
                () -> {
                    List<String> values =
                            reader.readToEnd(topic, Duration.ofSeconds(30)).stream()
                                    .map(r -> new String(r.value(), StandardCharsets.UTF_8))
                                    .toList();
                    seen[0] = values.size();
                    return values.containsAll(expected);
                },
                () -> seen[0] + " records read");
        return seen[0];
    }

    /**
     * Waits until the stream holds every record {@code prefix-0..count-1}; returns how many it
     * holds.
     */
    public int awaitAllInStream(String stream, String prefix, int count) {
        StreamReader reader = new StreamReader(kinesis);
        Set<String> expected = expected(prefix, count);
        StreamContents[] last = {null};
        io.kinesisconnect.processes.Await.until(
                "all " + count + " records in stream " + stream,
                DELIVERY_TIMEOUT,
                () -> {
                    last[0] = reader.readAll(stream);
                    return last[0].records().stream()
                            .map(r -> r.dataAsString())
                            .collect(Collectors.toSet())
                            .containsAll(expected);
                },
                () -> last[0] == null ? "nothing read" : last[0].size() + " user records");
        return last[0].size();
    }

    /** How many records the topic holds now. */
    public int countInTopic(String topic) {
        return new TopicReader(bootstrapServers, false)
                .readToEnd(topic, Duration.ofSeconds(30))
                .size();
    }

    /** How many user records the stream holds now. */
    public int countInStream(String stream) {
        return new StreamReader(kinesis).readAll(stream).size();
    }

    private static byte[] value(String prefix, int i) {
        return (prefix + "-" + i).getBytes(StandardCharsets.UTF_8);
    }

    private static Set<String> expected(String prefix, int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> prefix + "-" + i)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Where the KPL unpacks its native binary: one folder per build (or quickstart run). */
    public static Path kplDirectory() {
        return Paths.get(System.getProperty("kc.build.dir", "target"), "kpl").toAbsolutePath();
    }
}
