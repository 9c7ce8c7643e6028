package io.kinesisconnect.source.shard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinesisconnect.source.kinesis.ShardRef;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ShardAssignorTest {

    @Test
    void spreadsShardsRoundRobinInStreamAndShardOrder() {
        List<ShardRef> shards =
                List.of(ref("b", 1), ref("a", 2), ref("b", 0), ref("a", 0), ref("a", 1));

        List<List<ShardRef>> tasks = ShardAssignor.assign(shards, 2);

        assertThat(tasks)
                .containsExactly(
                        List.of(ref("a", 0), ref("a", 2), ref("b", 1)),
                        List.of(ref("a", 1), ref("b", 0)));
    }

    @Test
    void neverMoreTasksThanShardsOrTasksMaxAndSizesDifferByAtMostOne() {
        Random random = new Random(3);
        for (int round = 0; round < 200; round++) {
            int shardCount = random.nextInt(40);
            int maxTasks = 1 + random.nextInt(12);
            List<ShardRef> shards = new ArrayList<>();
            for (int i = 0; i < shardCount; i++) {
                shards.add(ref("s" + random.nextInt(3), i));
            }

            List<List<ShardRef>> tasks = ShardAssignor.assign(shards, maxTasks);

            assertThat(tasks).hasSize(Math.min(maxTasks, shardCount));
            assertThat(tasks.stream().mapToInt(List::size).sum()).isEqualTo(shardCount);
            if (!tasks.isEmpty()) {
                int min = tasks.stream().mapToInt(List::size).min().orElseThrow();
                int max = tasks.stream().mapToInt(List::size).max().orElseThrow();
                assertThat(max - min).isLessThanOrEqualTo(1);
            }
        }
    }

    @Test
    void theSameShardsInAnyOrderGiveTheSameAssignment() {
        List<ShardRef> shards = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            shards.add(ref("orders", i));
        }
        List<List<ShardRef>> first = ShardAssignor.assign(shards, 4);
        Collections.shuffle(shards, new Random(5));

        assertThat(ShardAssignor.assign(shards, 4)).isEqualTo(first);
    }

    @Test
    void noShardsGiveNoTasksAndTasksMaxBelowOneIsRefused() {
        assertThat(ShardAssignor.assign(List.of(), 3)).isEmpty();
        assertThatThrownBy(() -> ShardAssignor.assign(List.of(ref("a", 0)), 0))
                .hasMessageContaining("maxTasks must be at least 1 but was 0");
    }

    private static ShardRef ref(String stream, int shard) {
        return new ShardRef(stream, String.format("shardId-%012d", shard));
    }
}
