package io.kinesisconnect.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;

/** Emits "task-{id}-{n}" for n below the configured count, resuming after its committed offset. */
public class CountingSourceTask extends SourceTask {

    static final String TASK_ID_CONFIG = "task.id";
    private static final int BATCH = 100;

    private final CountDownLatch stopped = new CountDownLatch(1);
    private String topic;
    private String taskId;
    private long total;
    private long next;

    @Override
    public void start(Map<String, String> props) {
        topic = props.get(CountingSourceConnector.TOPIC_CONFIG);
        taskId = props.get(TASK_ID_CONFIG);
        total =
                Long.parseLong(
                        props.getOrDefault(CountingSourceConnector.RECORDS_PER_TASK_CONFIG, "100"));
        Map<String, Object> offset = context.offsetStorageReader().offset(partition());
        next = offset == null ? 0 : ((Number) offset.get("next")).longValue();
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        if (next >= total) {
            // Idle: wait a little (or until stopped) instead of spinning on an empty poll.
            stopped.await(200, TimeUnit.MILLISECONDS);
            return null;
        }
        List<SourceRecord> batch = new ArrayList<>();
        for (int i = 0; i < BATCH && next < total; i++, next++) {
            batch.add(
                    new SourceRecord(
                            partition(),
                            Map.of("next", next + 1),
                            topic,
                            null,
                            Schema.STRING_SCHEMA,
                            "task-" + taskId,
                            Schema.STRING_SCHEMA,
                            "task-" + taskId + "-" + next));
        }
        return batch;
    }

    private Map<String, String> partition() {
        return Map.of("task", taskId);
    }

    @Override
    public void stop() {
        stopped.countDown();
    }

    @Override
    public String version() {
        return "test";
    }
}
