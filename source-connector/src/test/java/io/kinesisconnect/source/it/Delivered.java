package io.kinesisconnect.source.it;

import io.kinesisconnect.processes.Await;
import io.kinesisconnect.processes.TopicReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What a topic received, for records written as key {@code k<i>} and value {@code k<i>-<n>} with n
 * counting up per key: which values are missing, which came twice, and whether each key's values
 * arrived in order.
 */
final class Delivered {

    private final List<ConsumerRecord<byte[], byte[]>> records;

    Delivered(List<ConsumerRecord<byte[], byte[]>> records) {
        this.records = records;
    }

    /**
     * Reads the whole topic again and again until it holds every expected value, duplicates
     * allowed, and returns what it read last.
     */
    static Delivered awaitAll(
            String bootstrapServers,
            String topic,
            Set<String> expected,
            boolean readCommitted,
            Duration timeout) {
        TopicReader reader = new TopicReader(bootstrapServers, readCommitted);
        Delivered[] last = {null};
        Await.until(
                expected.size() + " distinct records in " + topic,
                timeout,
                () -> {
                    last[0] = new Delivered(reader.readToEnd(topic, timeout));
                    return last[0].distinctValues().containsAll(expected);
                },
                () ->
                        last[0] == null
                                ? "nothing read"
                                : last[0].distinctValues().size() + " distinct");
        return last[0];
    }

    static String value(int key, int n) {
        return "k" + key + "-" + n;
    }

    Set<String> distinctValues() {
        Set<String> values = new HashSet<>();
        records.forEach(r -> values.add(text(r.value())));
        return values;
    }

    /** Each key's values in the order they first arrived. */
    Map<String, List<String>> firstDeliveriesByKey() {
        Map<String, List<String>> byKey = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            String value = text(record.value());
            if (seen.add(value)) {
                byKey.computeIfAbsent(text(record.key()), k -> new ArrayList<>()).add(value);
            }
        }
        return byKey;
    }

    /** Whether every record's key is the {@code k<i>} its value was written with. */
    boolean keysMatchValues() {
        for (ConsumerRecord<byte[], byte[]> record : records) {
            String value = text(record.value());
            if (!value.startsWith(text(record.key()) + "-")) {
                return false;
            }
        }
        return true;
    }

    int duplicates() {
        return records.size() - distinctValues().size();
    }

    /**
     * Keys whose first deliveries are out of order: a re-delivered duplicate may repeat older
     * values, but a value seen for the first time must be the next one for its key.
     */
    List<String> keysOutOfOrder() {
        Map<String, Integer> nextExpected = new HashMap<>();
        Set<String> seen = new HashSet<>();
        List<String> outOfOrder = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            String value = text(record.value());
            if (!seen.add(value)) {
                continue;
            }
            String key = text(record.key());
            int n = Integer.parseInt(value.substring(value.lastIndexOf('-') + 1));
            int expected = nextExpected.getOrDefault(key, 0);
            if (n != expected) {
                outOfOrder.add(key + ": expected " + expected + " but got " + n);
            }
            nextExpected.put(key, n + 1);
        }
        return outOfOrder;
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }
}
