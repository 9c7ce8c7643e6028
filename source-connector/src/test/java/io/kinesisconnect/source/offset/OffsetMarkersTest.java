package io.kinesisconnect.source.offset;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinesisconnect.source.kinesis.ShardRef;
import java.time.Instant;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

class OffsetMarkersTest {

    private static final ShardRef SHARD = new ShardRef("orders", "shardId-000000000001");

    @Test
    void aShardFinishedMarkerNamesItsShardAndNothingElseDoes() {
        SourceRecord marker =
                OffsetMarkers.shardFinished("markers", "c", SHARD, new ShardOffset("42", 3, false));
        SourceRecord data =
                new SourceRecord(
                        SourceOffsets.partition(SHARD),
                        SourceOffsets.offset(new ShardOffset("42", 3, false)),
                        "topic",
                        null,
                        "value");
        SourceRecord startup = OffsetMarkers.startup("markers", "c", Instant.ofEpochMilli(5));

        assertThat(OffsetMarkers.finishedShard(marker)).contains(SHARD);
        assertThat(OffsetMarkers.finishedShard(data)).isEmpty();
        assertThat(OffsetMarkers.finishedShard(startup)).isEmpty();
    }
}
