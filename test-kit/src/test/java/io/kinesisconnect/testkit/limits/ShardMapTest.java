package io.kinesisconnect.testkit.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShardMapTest {

    private static final BigInteger MAX = BigInteger.TWO.pow(128).subtract(BigInteger.ONE);
    private static final BigInteger HALF = BigInteger.TWO.pow(127);

    private final ShardMap twoShards =
            new ShardMap(
                    List.of(
                            new ShardMap.Range("shardId-000000000001", HALF, MAX),
                            new ShardMap.Range(
                                    "shardId-000000000000",
                                    BigInteger.ZERO,
                                    HALF.subtract(BigInteger.ONE))));

    @Test
    void hashesThePartitionKeyAsAnUnsignedMd5() {
        // MD5("a") = 0cc175b9c0f1b6a831c399e269772661; "b" starts with 0x92, above 2^127, which a
        // signed reading would make negative.
        assertThat(ShardMap.hashKeyOf("a"))
                .isEqualTo(new BigInteger("0cc175b9c0f1b6a831c399e269772661", 16));
        assertThat(ShardMap.hashKeyOf("b"))
                .isEqualTo(new BigInteger("92eb5ffee6ae2fec3ad71c777531578f", 16));
    }

    @Test
    void predictsTheShardFromThePartitionKey() {
        assertThat(twoShards.shardFor("a", null)).contains("shardId-000000000000");
        assertThat(twoShards.shardFor("b", null)).contains("shardId-000000000001");
    }

    @Test
    void anExplicitHashKeyWinsOverThePartitionKey() {
        assertThat(twoShards.shardFor("a", MAX.toString())).contains("shardId-000000000001");
        assertThat(twoShards.shardFor("b", "0")).contains("shardId-000000000000");
        assertThat(twoShards.shardFor("b", HALF.toString())).contains("shardId-000000000001");
    }

    @Test
    void aHashKeyNoOpenShardCoversIsNotPredicted() {
        ShardMap lowerHalfOnly =
                new ShardMap(
                        List.of(
                                new ShardMap.Range(
                                        "shardId-000000000000",
                                        BigInteger.ZERO,
                                        HALF.subtract(BigInteger.ONE))));

        assertThat(lowerHalfOnly.shardFor("b", null)).isEmpty();
    }
}
