package io.kinesisconnect.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinesisconnect.sink.KeyOrderCheck.Landed;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The control: the order check used by the order tests catches reordering, loss and replays. */
class KeyOrderCheckTest {

    private static List<Landed> inOrder(int keys, int perKey) {
        List<Landed> landed = new ArrayList<>();
        for (int s = 0; s < perKey; s++) {
            for (int k = 0; k < keys; k++) {
                landed.add(new Landed("k" + k, s));
            }
        }
        return landed;
    }

    private static Map<String, Long> expected(int keys, int perKey) {
        Map<String, Long> expected = new java.util.HashMap<>();
        for (int k = 0; k < keys; k++) {
            expected.put("k" + k, (long) perKey);
        }
        return expected;
    }

    @Test
    void anOrderedStreamPasses() {
        assertThat(KeyOrderCheck.check(inOrder(5, 20), expected(5, 20)))
                .isEqualTo(new KeyOrderCheck.Result(0, 0, 0));
    }

    @Test
    void aDeliberatelyReorderedStreamFails() {
        List<Landed> landed = inOrder(5, 20);
        Collections.shuffle(landed, new Random(3));

        KeyOrderCheck.Result result = KeyOrderCheck.check(landed, expected(5, 20));

        assertThat(result.violations()).isPositive();
        assertThat(result.lost()).isZero();
    }

    @Test
    void oneSwappedPairIsOneViolation() {
        List<Landed> landed = inOrder(1, 10);
        Collections.swap(landed, 3, 4);

        assertThat(KeyOrderCheck.check(landed, expected(1, 10)).violations()).isEqualTo(1);
    }

    @Test
    void aReplayIsADuplicateNotAViolationAndAGapIsLost() {
        List<Landed> landed = inOrder(1, 10);
        landed.addAll(inOrder(1, 10).subList(6, 10));
        landed.remove(new Landed("k0", 2));

        KeyOrderCheck.Result result = KeyOrderCheck.check(landed, expected(1, 10));

        assertThat(result).isEqualTo(new KeyOrderCheck.Result(0, 4, 1));
    }
}
