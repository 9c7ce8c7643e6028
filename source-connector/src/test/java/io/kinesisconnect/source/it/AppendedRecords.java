package io.kinesisconnect.source.it;

import java.util.Arrays;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.record.TimestampType;

/**
 * Figures read from the records as Kafka appended them. The benchmark topics use LogAppendTime, so
 * each record's timestamp is the broker's clock at the append, whatever the producer set (the
 * connector sets the Kinesis arrival time, which CreateTime would keep).
 */
final class AppendedRecords {

    private final long[] appendMillis;
    private final long[] latencyMillis;

    AppendedRecords(List<ConsumerRecord<byte[], byte[]>> records) {
        appendMillis = new long[records.size()];
        long[] latencies = new long[records.size()];
        int measured = 0;
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<byte[], byte[]> record = records.get(i);
            if (record.timestampType() != TimestampType.LOG_APPEND_TIME) {
                throw new AssertionError("Benchmark topics must use LogAppendTime: " + record);
            }
            appendMillis[i] = record.timestamp();
            long written = BenchPayloads.writeMillis(record.value());
            if (written != BenchPayloads.PROBE) {
                latencies[measured++] = record.timestamp() - written;
            }
        }
        Arrays.sort(appendMillis);
        latencyMillis = Arrays.copyOf(latencies, measured);
        Arrays.sort(latencyMillis);
    }

    /** Records per second between the first and the last append: start-up is left out. */
    double appendRate() {
        long span = appendMillis[appendMillis.length - 1] - appendMillis[0];
        return (appendMillis.length - 1) * 1000.0 / Math.max(1, span);
    }

    /** The latency at quantile {@code q} (0 to 1), milliseconds from write to append. */
    long latency(double q) {
        return latencyMillis[(int) Math.round(q * (latencyMillis.length - 1))];
    }
}
