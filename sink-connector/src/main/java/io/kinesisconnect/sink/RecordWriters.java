package io.kinesisconnect.sink;

import io.kinesisconnect.common.aws.AwsCredentialsFactory;
import io.kinesisconnect.sink.config.KinesisSinkConfig;
import io.kinesisconnect.sink.config.SinkWriter;
import io.kinesisconnect.sink.write.KinesisRecordWriter;
import io.kinesisconnect.sink.write.KplProducer;
import io.kinesisconnect.sink.write.KplRecordWriter;
import io.kinesisconnect.sink.write.KplSettings;
import io.kinesisconnect.sink.write.sdk.SdkRecordWriter;
import software.amazon.kinesis.producer.KinesisProducer;
import software.amazon.kinesis.producer.KinesisProducerConfiguration;

/** Builds the writer that {@code kinesis.writer} names, so the task only runs it. */
public final class RecordWriters {

    private RecordWriters() {}

    /**
     * The configured writer for one task.
     *
     * @param taskName the connector and task, for the writer's thread and log names
     */
    public static KinesisRecordWriter create(KinesisSinkConfig config, String taskName) {
        if (config.writer() == SinkWriter.SDK) {
            return SdkRecordWriter.create(config, taskName);
        }
        KinesisProducerConfiguration kpl =
                KplSettings.producerConfiguration(
                        config, AwsCredentialsFactory.create(config.aws()));
        return new KplRecordWriter(
                () -> KplProducer.of(new KinesisProducer(kpl)), KplSettings.recordDeadline(kpl));
    }
}
