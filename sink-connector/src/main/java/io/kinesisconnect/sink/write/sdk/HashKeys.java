package io.kinesisconnect.sink.write.sdk;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * Kinesis' hash keys: a partition key's MD5 read as an unsigned 128-bit number, or an explicit hash
 * key given in decimal. The record lands in the open shard whose range holds this number.
 */
public final class HashKeys {

    /** The largest hash key, 2^128 - 1. */
    public static final BigInteger MAX = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);

    /** Looking up a digest per record costs more than the hash itself; one per thread, reused. */
    private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(HashKeys::md5);

    private HashKeys() {}

    /** The hash key Kinesis derives from {@code partitionKey} (MD5 of its UTF-8 bytes). */
    public static BigInteger ofPartitionKey(String partitionKey) {
        return new BigInteger(1, MD5.get().digest(partitionKey.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The hash key of a record: its explicit hash key when it has one, else its partition key's.
     *
     * @throws IllegalArgumentException when the explicit hash key is not a decimal in [0, 2^128)
     */
    public static BigInteger of(String partitionKey, String explicitHashKey) {
        if (explicitHashKey == null) {
            return ofPartitionKey(partitionKey);
        }
        return parseExplicit(explicitHashKey)
                .orElseThrow(
                        () ->
                                new IllegalArgumentException(
                                        "explicit hash key '"
                                                + explicitHashKey
                                                + "' is not a decimal number from 0 to 2^128-1"));
    }

    /** The explicit hash key as a number, or empty when it is not a decimal in [0, 2^128). */
    static Optional<BigInteger> parseExplicit(String explicitHashKey) {
        String s = explicitHashKey.trim();
        if (s.isEmpty() || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        BigInteger value = new BigInteger(s);
        return value.compareTo(MAX) > 0 ? Optional.empty() : Optional.of(value);
    }

    /** A fresh MD5 digest; MD5 is in every Java runtime. */
    static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is missing from this Java runtime", e);
        }
    }
}
