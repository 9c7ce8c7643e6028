package io.kinesisconnect.sink;

import io.kinesisconnect.processes.LandedRecord;
import io.kinesisconnect.testkit.ConnectTestCluster;
import io.kinesisconnect.testkit.KinesisEmulatorExtension;
import io.kinesisconnect.testkit.limits.KinesisLimitsProxyExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.storage.StringConverter;

/**
 * What the sink ITs through the limits proxy share: the records (each value is {@code
 * key:sequence:padding}), a connector config pointed at a proxy, the per-key check of what landed,
 * and the {@link CommitCheck} sampled while the connector runs.
 */
final class LimitsProxyRun {

    private final KinesisEmulatorExtension kinesis;
    private final String topic;
    private final List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
    private final Map<String, Long> perKey = new LinkedHashMap<>();

    /**
     * {@code count} records for {@code topic} over {@code keys} keys, each with {@code padding}
     * bytes of filler.
     */
    LimitsProxyRun(
            KinesisEmulatorExtension kinesis, String topic, int count, int keys, int padding) {
        this.kinesis = kinesis;
        this.topic = topic;
        for (int i = 0; i < count; i++) {
            String key = "key-" + (i * 7 % keys);
            long sequence = perKey.merge(key, 1L, Long::sum) - 1;
            records.add(
                    new ProducerRecord<>(
                            topic,
                            utf8(key),
                            utf8(key + ":" + sequence + ":" + "x".repeat(padding))));
        }
    }

    List<ProducerRecord<byte[], byte[]>> records() {
        return records;
    }

    /**
     * A sink config for connector {@code name} writing the topic to {@code stream} through {@code
     * proxy}, with string keys; the caller adds the writer's settings.
     */
    Map<String, String> connectorConfig(
            String name, String stream, KinesisLimitsProxyExtension proxy) {
        Map<String, String> config =
                SinkItSupport.connectorConfig(kinesis.emulator(), name, topic, stream);
        config.put("aws.endpoint", proxy.endpoint().toString());
        config.put("key.converter", StringConverter.class.getName());
        return config;
    }

    /** Waits until every record has landed in {@code stream}, then checks them key by key. */
    KeyOrderCheck.Result check(String stream, Duration timeout) {
        List<KeyOrderCheck.Landed> landed = new ArrayList<>();
        for (LandedRecord r :
                kinesis.reader().awaitAtLeast(stream, records.size(), timeout).records()) {
            String[] parts = r.dataAsString().split(":");
            landed.add(new KeyOrderCheck.Landed(parts[0], Long.parseLong(parts[1])));
        }
        return KeyOrderCheck.check(landed, perKey);
    }

    /** A check of connector {@code connector}'s commits, once the records are produced. */
    CommitCheck commitCheck(
            ConnectTestCluster connect, String connector, List<RecordMetadata> offsets) {
        return new CommitCheck(connect, connector, offsets);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Reads the connector's committed offset, then the stream, and hands both to a {@link
     * CommittedOffsetCheck}: every record below the offset must have landed already. Landing is
     * final, so reading the stream second can only add records.
     */
    final class CommitCheck {

        private final ConnectTestCluster connect;
        private final String group;
        private final TopicPartition partition;
        private final CommittedOffsetCheck check;

        private CommitCheck(
                ConnectTestCluster connect, String connector, List<RecordMetadata> offsets) {
            this.connect = connect;
            this.group = "connect-" + connector;
            this.partition = new TopicPartition(topic, 0);
            String[] values = new String[records.size()];
            for (int i = 0; i < records.size(); i++) {
                values[(int) offsets.get(i).offset()] = identity(records.get(i).value());
            }
            this.check = new CommittedOffsetCheck(List.of(values));
        }

        /** Samples the committed offset against what has landed in {@code stream}. */
        void sample(String stream) {
            long committed;
            try (Admin admin = connect.embedded().kafka().createAdminClient()) {
                OffsetAndMetadata offset =
                        admin.listConsumerGroupOffsets(group)
                                .partitionsToOffsetAndMetadata()
                                .get()
                                .get(partition);
                committed = offset == null ? 0 : offset.offset();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (ExecutionException e) {
                return;
            }
            if (committed == 0) {
                return;
            }
            Set<String> landed = new HashSet<>();
            for (LandedRecord r : kinesis.reader().readAll(stream).records()) {
                landed.add(identity(r.data()));
            }
            check.sample(committed, landed);
        }

        /** How many samples saw a committed offset. */
        int samplesWithCommits() {
            return check.samplesWithCommits();
        }

        /** The offsets committed before their record had landed. */
        List<String> violations() {
            return check.violations();
        }
    }

    /** A record's {@code key:sequence}, its value without the padding. */
    private static String identity(byte[] value) {
        String text = new String(value, StandardCharsets.UTF_8);
        return text.substring(0, text.lastIndexOf(':'));
    }
}
