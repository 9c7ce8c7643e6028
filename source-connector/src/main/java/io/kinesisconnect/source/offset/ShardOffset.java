package io.kinesisconnect.source.offset;

import java.math.BigInteger;

/**
 * How far a shard has been emitted: the last user record handed to Connect, identified by the
 * Kinesis sequence number and the position inside a KPL aggregate, and whether the shard is closed
 * and read to its end.
 *
 * @param sequenceNumber sequence number of the last emitted Kinesis record, or null when the shard
 *     finished before any record was emitted
 * @param subSequenceNumber index of the last emitted user record inside that Kinesis record (0 for
 *     a record that was not aggregated)
 * @param finished whether the shard is closed and every record of it has been emitted
 */
public record ShardOffset(String sequenceNumber, long subSequenceNumber, boolean finished) {

    /** A shard that is done: never read again, and its children may start. */
    public static ShardOffset finished(String lastSequenceNumber, long lastSubSequenceNumber) {
        return new ShardOffset(lastSequenceNumber, lastSubSequenceNumber, true);
    }

    /**
     * Whether a user record at ({@code sequence}, {@code subSequence}) comes after this offset,
     * that is, has not been emitted yet. Sequence numbers are decimal strings of up to 128 bits, so
     * they are compared as numbers.
     */
    public boolean isBefore(String sequence, long subSequence) {
        if (sequenceNumber == null) {
            return true;
        }
        int order = compareSequences(sequence, sequenceNumber);
        return order > 0 || (order == 0 && subSequence > subSequenceNumber);
    }

    /**
     * Compares two decimal sequence numbers as numbers. This runs for every record read, so it
     * avoids parsing: without leading zeros, which Kinesis never writes and offsets never accept, a
     * longer number is the larger, and numbers of one length compare like their digits.
     */
    static int compareSequences(String a, String b) {
        if (hasLeadingZero(a) || hasLeadingZero(b)) {
            return new BigInteger(a).compareTo(new BigInteger(b));
        }
        if (a.length() != b.length()) {
            return Integer.compare(a.length(), b.length());
        }
        return Integer.signum(a.compareTo(b));
    }

    private static boolean hasLeadingZero(String number) {
        return number.length() > 1 && number.charAt(0) == '0';
    }
}
