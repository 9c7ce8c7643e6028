package io.kinesisconnect.sink;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTaskContext;

/** A hand-written SinkTaskContext: records pauses, timeouts and reported records. */
final class FakeSinkTaskContext implements SinkTaskContext {

    final Set<TopicPartition> assignment = new HashSet<>();
    final Set<TopicPartition> paused = new HashSet<>();
    final List<SinkRecord> reported = new ArrayList<>();
    final List<Throwable> reportedErrors = new ArrayList<>();
    long timeout = -1;
    private final boolean withReporter;

    FakeSinkTaskContext(boolean withReporter) {
        this.withReporter = withReporter;
    }

    @Override
    public Map<String, String> configs() {
        return Map.of();
    }

    @Override
    public void offset(Map<TopicPartition, Long> offsets) {}

    @Override
    public void offset(TopicPartition tp, long offset) {}

    @Override
    public void timeout(long timeoutMs) {
        timeout = timeoutMs;
    }

    @Override
    public Set<TopicPartition> assignment() {
        return assignment;
    }

    @Override
    public void pause(TopicPartition... partitions) {
        paused.addAll(List.of(partitions));
    }

    @Override
    public void resume(TopicPartition... partitions) {
        paused.removeAll(List.of(partitions));
    }

    @Override
    public void requestCommit() {}

    @Override
    public PluginMetrics pluginMetrics() {
        return null;
    }

    @Override
    public ErrantRecordReporter errantRecordReporter() {
        if (!withReporter) {
            return null;
        }
        return new ErrantRecordReporter() {
            @Override
            public Future<Void> report(SinkRecord record, Throwable error) {
                reported.add(record);
                reportedErrors.add(error);
                return CompletableFuture.completedFuture(null);
            }
        };
    }
}
