package io.kinesisconnect.source.shard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinesisconnect.source.kinesis.ShardRef;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.connect.errors.ConnectException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kinesis.model.LimitExceededException;

class ShardMonitorTest {

    private final FakeStreamProxy kinesis =
            new FakeStreamProxy("orders").addShard("shard-0", null).addShard("shard-1", null);
    private final Set<ShardRef> finished = new HashSet<>();

    @Test
    void assignsOpenShardsAndClosedOnesNotYetReadToTheirEnd() {
        kinesis.addShard("shard-2", "shard-0");
        kinesis.close("shard-0");
        kinesis.addShard("old", null);
        kinesis.close("old");
        finished.add(new ShardRef("orders", "old"));

        List<ShardRef> shards = monitor().discover();

        assertThat(shards)
                .extracting(ShardRef::shardId)
                .containsExactly("shard-0", "shard-1", "shard-2");
    }

    @Test
    void retriesAThrottledListingWithBackoff() {
        kinesis.failNext(() -> LimitExceededException.builder().message("slow down").build());
        kinesis.failNext(() -> LimitExceededException.builder().message("slow down").build());

        assertThat(monitor().discover()).hasSize(2);
        assertThat(kinesis.listCalls).isEqualTo(3);
    }

    @Test
    void aMissingStreamIsAClearError() {
        ShardMonitor monitor =
                new ShardMonitor(
                        kinesis,
                        List.of("nope"),
                        closed -> Set.of(),
                        Duration.ofSeconds(1),
                        () -> {});

        assertThatThrownBy(monitor::discover)
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("Kinesis stream 'nope' does not exist");
    }

    private ShardMonitor monitor() {
        return new ShardMonitor(
                kinesis,
                List.of("orders"),
                closed -> {
                    Set<ShardRef> done = new HashSet<>(finished);
                    done.retainAll(closed);
                    return done;
                },
                Duration.ofSeconds(1),
                () -> {});
    }
}
