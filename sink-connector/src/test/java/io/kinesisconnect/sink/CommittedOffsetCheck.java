package io.kinesisconnect.sink;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks that a committed offset never passes a record that had not landed: given what the record
 * at each offset of one partition is, each sample pairs the committed offset with the records that
 * had landed by then (read after the offset, so landing, which is final, can only have added to
 * them). Every record below the committed offset must be among them. Pure: the ITs read the offset
 * and the stream, this class only judges.
 */
final class CommittedOffsetCheck {

    private final List<String> recordAtOffset;
    private final Set<String> violations = new LinkedHashSet<>();
    private int samplesWithCommits;

    /**
     * @param recordAtOffset what identifies the record at each offset, from 0, as it is recognised
     *     among the landed records
     */
    CommittedOffsetCheck(List<String> recordAtOffset) {
        this.recordAtOffset = List.copyOf(recordAtOffset);
    }

    /**
     * Judges one sample: {@code committed}, the next offset the connector would read (0: nothing
     * committed yet, which is not counted as a sample), and the records {@code landed} by then.
     */
    synchronized void sample(long committed, Set<String> landed) {
        if (committed == 0) {
            return;
        }
        samplesWithCommits++;
        long known = Math.min(committed, recordAtOffset.size());
        for (int offset = 0; offset < known; offset++) {
            if (!landed.contains(recordAtOffset.get(offset))) {
                violations.add("offset " + offset + " committed at " + committed);
            }
        }
        if (committed > recordAtOffset.size()) {
            violations.add(
                    "committed at "
                            + committed
                            + ", beyond the "
                            + recordAtOffset.size()
                            + " records produced");
        }
    }

    /** How many samples saw a committed offset. */
    synchronized int samplesWithCommits() {
        return samplesWithCommits;
    }

    /** The offsets committed before their record had landed, in the order found. */
    synchronized List<String> violations() {
        return new ArrayList<>(violations);
    }
}
