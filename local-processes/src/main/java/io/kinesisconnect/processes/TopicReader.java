package io.kinesisconnect.processes;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a topic from the beginning with a plain consumer, for checking what a source delivered. It
 * can read only committed transactions, which is how exactly-once delivery is observed.
 */
public final class TopicReader {

    private final String bootstrapServers;
    private final boolean readCommitted;

    public TopicReader(String bootstrapServers, boolean readCommitted) {
        this.bootstrapServers = bootstrapServers;
        this.readCommitted = readCommitted;
    }

    /**
     * Reads {@code topic} from the beginning until it has at least {@code expected} records.
     *
     * @throws AssertionError with the count reached, when {@code timeout} passes first
     */
    public List<ConsumerRecord<byte[], byte[]>> awaitAtLeast(
            String topic, int expected, Duration timeout) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            assignFromBeginning(consumer, topic, timeout);
            Await.until(
                    expected + " records in topic " + topic,
                    timeout,
                    () -> {
                        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                        return records.size() >= expected;
                    },
                    () -> records.size() + " records");
        }
        return records;
    }

    /**
     * Reads everything {@code topic} holds now: from the beginning up to the end offsets taken at
     * the start of the call.
     */
    public List<ConsumerRecord<byte[], byte[]>> readToEnd(String topic, Duration timeout) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = assignFromBeginning(consumer, topic, timeout);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            Await.until(
                    "the end of topic " + topic,
                    timeout,
                    () -> {
                        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                        return partitions.stream()
                                .allMatch(p -> consumer.position(p) >= end.get(p));
                    });
        }
        return records;
    }

    private List<TopicPartition> assignFromBeginning(
            KafkaConsumer<byte[], byte[]> consumer, String topic, Duration timeout) {
        List<PartitionInfo> infos =
                Await.value(
                        "topic " + topic + " to exist",
                        timeout,
                        () -> {
                            List<PartitionInfo> found =
                                    consumer.partitionsFor(topic, Duration.ofSeconds(5));
                            return found == null || found.isEmpty() ? null : found;
                        });
        List<TopicPartition> partitions =
                infos.stream()
                        .map(i -> new TopicPartition(topic, i.partition()))
                        .collect(Collectors.toList());
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return partitions;
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                readCommitted ? "read_committed" : "read_uncommitted");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
        return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
