package io.kinesisconnect.source.it;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * What a reader of {@link SourceLimitsBenchmark} delivered to its topic, per shard: the distinct
 * sequences, the highest, and how many below it are missing. Values start {@code SS-NNNNNNNN-}
 * (shard index, sequence in the shard). The topic is streamed once, not held: a run delivers
 * hundreds of megabytes.
 */
final class ShardPrefixes {

    private final Map<Integer, BitSet> seen = new TreeMap<>();
    private long records;

    private ShardPrefixes() {}

    /** The sum of {@code topic}'s end offsets now. */
    static long endOffsets(String bootstrapServers, String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrapServers)) {
            List<TopicPartition> partitions =
                    consumer.partitionsFor(topic).stream()
                            .map(p -> new TopicPartition(topic, p.partition()))
                            .toList();
            return consumer.endOffsets(partitions).values().stream()
                    .mapToLong(Long::longValue)
                    .sum();
        }
    }

    /** Reads {@code topic} from its start to its end offsets as of now. */
    static ShardPrefixes read(String bootstrapServers, String topic) {
        ShardPrefixes prefixes = new ShardPrefixes();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrapServers)) {
            List<TopicPartition> partitions =
                    consumer.partitionsFor(topic).stream()
                            .map(p -> new TopicPartition(topic, p.partition()))
                            .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions));
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofSeconds(1))) {
                    prefixes.add(r.value());
                }
            }
        }
        return prefixes;
    }

    private static KafkaConsumer<byte[], byte[]> consumer(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(props);
    }

    private void add(byte[] value) {
        String head = new String(value, 0, 12, StandardCharsets.US_ASCII);
        int shard = Integer.parseInt(head.substring(0, 2));
        int sequence = Integer.parseInt(head.substring(3, 11));
        seen.computeIfAbsent(shard, s -> new BitSet()).set(sequence);
        records++;
    }

    int distinct(int shard) {
        return seen.getOrDefault(shard, new BitSet()).cardinality();
    }

    /** The highest sequence delivered from {@code shard}; -1 if none. */
    int highest(int shard) {
        return seen.getOrDefault(shard, new BitSet()).length() - 1;
    }

    /** Sequences below the highest that were never delivered. */
    int missing(int shard) {
        return highest(shard) + 1 - distinct(shard);
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(records + " records");
        for (int shard : seen.keySet()) {
            out.append(
                    String.format(
                            "; shard %d: %d distinct, highest %d, missing %d",
                            shard, distinct(shard), highest(shard), missing(shard)));
        }
        return out.append(", duplicates ").append(records - distinctTotal()).toString();
    }

    private long distinctTotal() {
        return seen.values().stream().mapToLong(BitSet::cardinality).sum();
    }
}
