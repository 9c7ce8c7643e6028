package io.kinesisconnect.source.record;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.kinesis.retrieval.AggregatorUtil;
import software.amazon.kinesis.retrieval.KinesisClientRecord;

/**
 * Expands KPL aggregates into their user records with the KCL's own deaggregator. A record that
 * carries the aggregate magic bytes but cannot be expanded is emitted raw, with a warning: losing
 * it would be worse than handing a consumer the bytes it can inspect.
 */
public final class Deaggregator {

    private static final Logger log = LoggerFactory.getLogger(Deaggregator.class);
    private static final byte[] MAGIC = AggregatorUtil.AGGREGATED_RECORD_MAGIC;

    private final boolean enabled;
    private final AggregatorUtil aggregator = new AggregatorUtil();

    public Deaggregator(boolean enabled) {
        this.enabled = enabled;
    }

    /** The user records of a GetRecords batch, in order. */
    public List<KinesisClientRecord> expand(List<Record> records) {
        List<KinesisClientRecord> out = new ArrayList<>(records.size());
        for (Record record : records) {
            KinesisClientRecord raw = KinesisClientRecord.fromRecord(record);
            if (!enabled || !hasMagic(raw.data())) {
                out.add(raw);
                continue;
            }
            out.addAll(expandOne(raw));
        }
        return out;
    }

    private List<KinesisClientRecord> expandOne(KinesisClientRecord raw) {
        List<KinesisClientRecord> expanded;
        try {
            expanded = aggregator.deaggregate(List.of(raw));
        } catch (RuntimeException | LinkageError e) {
            log.warn(
                    "Emitting a corrupt KPL aggregate raw: sequence={} partitionKey={} reason={}",
                    raw.sequenceNumber(),
                    raw.partitionKey(),
                    e.toString());
            return List.of(raw);
        }
        boolean notExpanded = expanded.size() == 1 && !expanded.get(0).aggregated();
        if (notExpanded) {
            // The KCL hands back a record whose checksum or protobuf body is wrong unchanged.
            log.warn(
                    "Emitting a corrupt KPL aggregate raw: sequence={} partitionKey={} reason=checksum"
                            + " or body does not match the aggregate format",
                    raw.sequenceNumber(),
                    raw.partitionKey());
        }
        return expanded;
    }

    private static boolean hasMagic(ByteBuffer data) {
        if (data.remaining() < MAGIC.length) {
            return false;
        }
        // Absolute reads: this runs for every record, so it neither copies nor allocates.
        for (int i = 0; i < MAGIC.length; i++) {
            if (data.get(data.position() + i) != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }
}
