package io.kinesisconnect.common.aws;

import java.util.regex.Pattern;

/**
 * What Kinesis accepts as a name: 1 to 128 of a-z, A-Z, 0-9, '_', '.' and '-'. Stream names,
 * consumer names and shard ids all follow this one rule in the Kinesis API.
 */
public final class KinesisNames {

    /** The characters a stream name may hold. */
    public static final String STREAM_NAME_CHARS =
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-";

    public static final int STREAM_NAME_MAX_LENGTH = 128;

    /** The rule in words, for messages and docs. */
    public static final String NAME_RULE =
            "1 to " + STREAM_NAME_MAX_LENGTH + " characters of a-z, A-Z, 0-9, '_', '.' and '-'";

    /**
     * The same rule as a pattern, for places that already use regular expressions: stream names,
     * consumer names and shard ids.
     */
    public static final Pattern NAME =
            Pattern.compile("[a-zA-Z0-9_.-]{1," + STREAM_NAME_MAX_LENGTH + "}");

    private KinesisNames() {}

    /**
     * Whether {@code name} is a valid stream name, without a regular expression: the sink checks
     * every routed record's stream, so this runs per record.
     */
    public static boolean isStreamName(String name) {
        if (name == null || name.isEmpty() || name.length() > STREAM_NAME_MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            if (STREAM_NAME_CHARS.indexOf(name.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }
}
