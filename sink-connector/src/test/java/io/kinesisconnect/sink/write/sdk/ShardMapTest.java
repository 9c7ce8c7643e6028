package io.kinesisconnect.sink.write.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShardMapTest {

    private static final BigInteger HALF = HashKeys.MAX.shiftRight(1);

    static List<ShardRange> twoShards() {
        return List.of(
                new ShardRange("shard-1", HALF.add(BigInteger.ONE), HashKeys.MAX, true),
                new ShardRange("shard-0", BigInteger.ZERO, HALF, true));
    }

    @Test
    void partitionKeysHashToTheUnsignedMd5() {
        // MD5("a") = 0cc175b9c0f1b6a831c399e269772661; MD5("x") starts with 9d, over 2^127
        assertThat(HashKeys.ofPartitionKey("a"))
                .isEqualTo(new BigInteger("0cc175b9c0f1b6a831c399e269772661", 16));
        assertThat(HashKeys.ofPartitionKey("x").signum()).isPositive();
        assertThat(HashKeys.ofPartitionKey("x")).isGreaterThan(HALF);
    }

    @Test
    void eachHashKeyGoesToTheOpenShardWhoseRangeHoldsItBothEndsIncluded() {
        ShardMap map = new ShardMap(twoShards());

        assertThat(map.shardFor(BigInteger.ZERO).shardId()).isEqualTo("shard-0");
        assertThat(map.shardFor(HALF).shardId()).isEqualTo("shard-0");
        assertThat(map.shardFor(HALF.add(BigInteger.ONE)).shardId()).isEqualTo("shard-1");
        assertThat(map.shardFor(HashKeys.MAX).shardId()).isEqualTo("shard-1");
        assertThat(map.shardFor(HashKeys.ofPartitionKey("a")).shardId()).isEqualTo("shard-0");
        assertThat(map.shardFor(HashKeys.ofPartitionKey("x")).shardId()).isEqualTo("shard-1");
        assertThat(map.complete()).isTrue();
    }

    @Test
    void anExplicitHashKeyWinsOverThePartitionKey() {
        ShardMap map = new ShardMap(twoShards());

        assertThat(map.shardFor(HashKeys.of("a", HashKeys.MAX.toString())).shardId())
                .isEqualTo("shard-1");
        assertThat(map.shardFor(HashKeys.of("x", "0")).shardId()).isEqualTo("shard-0");
    }

    @Test
    void closedShardsTakeNoRecordsButTheirRangesAreKnown() {
        ShardRange parent = new ShardRange("shard-p", BigInteger.ZERO, HashKeys.MAX, false);
        List<ShardRange> shards = new java.util.ArrayList<>(twoShards());
        shards.add(parent);
        ShardMap map = new ShardMap(shards);

        assertThat(map.openShards())
                .extracting(ShardRange::shardId)
                .containsExactly("shard-0", "shard-1");
        assertThat(map.range("shard-p")).contains(parent);
        assertThat(new ShardMap(List.of(parent)).complete()).isFalse();
    }

    @Test
    void aGapInTheOpenShardsIsNoticed() {
        ShardMap gap =
                new ShardMap(List.of(new ShardRange("shard-0", BigInteger.ZERO, HALF, true)));

        assertThat(gap.complete()).isFalse();
        assertThatThrownBy(() -> gap.shardFor(HashKeys.MAX))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void explicitHashKeysOutsideTheSpaceAreRefusedByName() {
        String tooBig = HashKeys.MAX.add(BigInteger.ONE).toString();
        for (String bad : List.of("-1", tooBig, "12a", "", " ")) {
            assertThatThrownBy(() -> HashKeys.of("a", bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'" + bad + "'");
        }
        assertThat(HashKeys.of("a", HashKeys.MAX.toString())).isEqualTo(HashKeys.MAX);
    }
}
