package io.kinesisconnect.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The control: the commit check of the limits-proxy sink ITs catches an offset committed past a
 * record that had not landed, such as one the shard refused and the writer has not yet retried.
 */
class CommittedOffsetCheckTest {

    private static final List<String> RECORDS = records(10);

    private static List<String> records(int count) {
        List<String> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            records.add("key-" + (i % 3) + ":" + i / 3);
        }
        return records;
    }

    /** The records at offsets {@code from} (inclusive) to {@code to} (exclusive). */
    private static Set<String> landed(int from, int to) {
        return new HashSet<>(RECORDS.subList(from, to));
    }

    @Test
    void holdsWhenEveryRecordBelowTheCommittedOffsetHadLanded() {
        CommittedOffsetCheck check = new CommittedOffsetCheck(RECORDS);

        check.sample(4, landed(0, 6));
        check.sample(6, landed(0, 6));
        check.sample(10, landed(0, 10));

        assertThat(check.violations()).isEmpty();
        assertThat(check.samplesWithCommits()).isEqualTo(3);
    }

    @Test
    void failsForAnOffsetCommittedPastARecordThatHadNotLanded() {
        CommittedOffsetCheck check = new CommittedOffsetCheck(RECORDS);

        check.sample(8, landed(0, 6));

        assertThat(check.violations())
                .containsExactly("offset 6 committed at 8", "offset 7 committed at 8");
    }

    @Test
    void failsForARefusedRecordInTheMiddleThatLaterRecordsOvertook() {
        // Offset 3 was refused by the shard and not yet retried; 4 and 5 landed around it.
        Set<String> landed = landed(0, 6);
        landed.remove(RECORDS.get(3));
        CommittedOffsetCheck check = new CommittedOffsetCheck(RECORDS);

        check.sample(3, landed);
        assertThat(check.violations()).as("committed up to the gap").isEmpty();
        check.sample(6, landed);

        assertThat(check.violations()).containsExactly("offset 3 committed at 6");
        assertThat(check.samplesWithCommits()).isEqualTo(2);
    }

    @Test
    void aSampleBeforeAnyCommitJudgesNothingAndIsNotCounted() {
        CommittedOffsetCheck check = new CommittedOffsetCheck(RECORDS);

        check.sample(0, Set.of());

        assertThat(check.violations()).isEmpty();
        // The ITs assert samples > 0, so a run that never saw a commit cannot pass by luck.
        assertThat(check.samplesWithCommits()).isZero();
    }

    @Test
    void anOffsetBeyondTheRecordsProducedIsAViolation() {
        CommittedOffsetCheck check = new CommittedOffsetCheck(RECORDS);

        check.sample(12, landed(0, 10));

        assertThat(check.violations())
                .containsExactly("committed at 12, beyond the 10 records produced");
    }
}
