package io.kinesisconnect.source.offset;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ShardOffsetTest {

    private static final String SEQUENCE =
            "49590338271490256608559692538361571095921575989136588898";

    @Test
    void sequenceNumbersCompareAsNumbersWithoutParsing() {
        Random random = new Random(13);
        for (int i = 0; i < 10_000; i++) {
            String a = number(random);
            String b = random.nextInt(4) == 0 ? a : number(random);
            int expected = Integer.signum(new BigInteger(a).compareTo(new BigInteger(b)));
            assertThat(ShardOffset.compareSequences(a, b)).as(a + " vs " + b).isEqualTo(expected);
        }
        // A plain string comparison would get these wrong.
        assertThat(ShardOffset.compareSequences("9", "10")).isNegative();
        assertThat(ShardOffset.compareSequences("0010", "9")).isPositive();
        assertThat(ShardOffset.compareSequences("007", "7")).isZero();
    }

    @Test
    void aRecordIsAfterTheOffsetByItsSequenceThenItsSubsequence() {
        ShardOffset offset = new ShardOffset(SEQUENCE, 2, false);
        String next = new BigInteger(SEQUENCE).add(BigInteger.ONE).toString();
        String previous = new BigInteger(SEQUENCE).subtract(BigInteger.ONE).toString();
        assertThat(offset.isBefore(next, 0)).isTrue();
        assertThat(offset.isBefore(SEQUENCE, 3)).isTrue();
        assertThat(offset.isBefore(SEQUENCE, 2)).isFalse();
        assertThat(offset.isBefore(previous, 9)).isFalse();
        assertThat(new ShardOffset(null, 0, true).isBefore(previous, 0)).isTrue();
    }

    private static String number(Random random) {
        int length = 1 + random.nextInt(random.nextBoolean() ? 3 : 60);
        StringBuilder digits = new StringBuilder();
        digits.append(random.nextInt(10) == 0 ? '0' : (char) ('1' + random.nextInt(9)));
        for (int i = 1; i < length; i++) {
            digits.append((char) ('0' + random.nextInt(10)));
        }
        return digits.toString();
    }
}
