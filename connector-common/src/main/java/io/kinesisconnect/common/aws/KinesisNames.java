package io.kinesisconnect.common.aws;

import java.util.regex.Pattern;

/** What Kinesis accepts as a stream name: 1 to 128 of a-z, A-Z, 0-9, '_', '.' and '-'. */
public final class KinesisNames {

    /** The characters a stream name may hold. */
    public static final String STREAM_NAME_CHARS =
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-";

    public static final int STREAM_NAME_MAX_LENGTH = 128;

    /** The same rule as a pattern, for places that already use regular expressions. */
    public static final Pattern STREAM_NAME =
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
