package io.kinesisconnect.localstack;

import io.kinesisconnect.processes.StreamReader;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/** Counts what has arrived so far: records in a topic (from its end offsets) or in a stream. */
final class FlowCounter implements AutoCloseable {

    private final Admin admin;
    private final StreamReader streams;

    FlowCounter(String bootstrapServers, KinesisClient kinesis) {
        this.admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        this.streams = new StreamReader(kinesis);
    }

    /** The records of {@code topic}: the sum of its partitions' end offsets; 0 if it is absent. */
    long inTopic(String topic) {
        try {
            if (!admin.listTopics().names().get().contains(topic)) {
                return 0;
            }
            List<TopicPartition> partitions =
                    admin
                            .describeTopics(List.of(topic))
                            .allTopicNames()
                            .get()
                            .get(topic)
                            .partitions()
                            .stream()
                            .map(p -> new TopicPartition(topic, p.partition()))
                            .toList();
            Map<TopicPartition, ListOffsetsResultInfo> ends =
                    admin.listOffsets(
                                    partitions.stream()
                                            .collect(
                                                    Collectors.toMap(
                                                            p -> p, p -> OffsetSpec.latest())))
                            .all()
                            .get();
            return ends.values().stream().mapToLong(ListOffsetsResultInfo::offset).sum();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not count topic " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The user records of {@code stream}, KPL aggregates expanded. */
    long inStream(String stream) {
        return streams.readAll(stream).size();
    }

    @Override
    public void close() {
        admin.close();
    }
}
