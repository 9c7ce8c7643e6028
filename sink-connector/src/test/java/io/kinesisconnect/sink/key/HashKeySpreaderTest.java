package io.kinesisconnect.sink.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HashKeySpreaderTest {

    private static final BigInteger MAX = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);

    /** The shard (of {@code shards} even slices, as CreateStream makes them) owning a hash key. */
    private static int shardOf(String hashKey, int shards) {
        return new BigInteger(hashKey)
                .multiply(BigInteger.valueOf(shards))
                .shiftRight(128)
                .intValueExact();
    }

    @Test
    void fourPartitionsLandOnFourDifferentShardsOfFour() {
        Set<Integer> shards = new HashSet<>();
        for (int p = 0; p < 4; p++) {
            int shard = shardOf(HashKeySpreader.hashKey(p, 4), 4);
            assertThat(shard).isEqualTo(p);
            shards.add(shard);
        }
        assertThat(shards).hasSize(4);
    }

    @Test
    void partitionsNeverAllLandOnOneShard() {
        for (int n = 2; n <= 64; n++) {
            for (int shardCount = 2; shardCount <= 16; shardCount++) {
                Set<Integer> used = new HashSet<>();
                for (int p = 0; p < n; p++) {
                    used.add(shardOf(HashKeySpreader.hashKey(p, n), shardCount));
                }
                assertThat(used)
                        .as("%d partitions over %d shards", n, shardCount)
                        .hasSize(Math.min(n, shardCount));
            }
        }
    }

    @Test
    void keysAreInsideTheHashKeySpaceAndWrapAroundForHigherPartitions() {
        for (int n : new int[] {1, 3, 1000}) {
            for (int p = 0; p < n; p++) {
                BigInteger key = new BigInteger(HashKeySpreader.hashKey(p, n));
                assertThat(key).isBetween(BigInteger.ZERO, MAX);
            }
        }
        assertThat(HashKeySpreader.hashKey(5, 4)).isEqualTo(HashKeySpreader.hashKey(1, 4));
        assertThatThrownBy(() -> HashKeySpreader.hashKey(0, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
