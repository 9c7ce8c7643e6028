package io.kinesisconnect.common.keys;

import io.kinesisconnect.common.config.ConfigChoice;

/**
 * The values of {@link SourceKeys#STARTUP_POSITION}: where a shard with no stored offset starts.
 * Here rather than in the source so that the translator writes the same values.
 */
public enum StartupMode implements ConfigChoice {
    /** Records written after the connector was created (resolved once, then kept). */
    LATEST,
    /** Everything the stream still retains (TRIM_HORIZON). */
    EARLIEST,
    /** Records that arrived at or after {@code kinesis.startup.date}. */
    DATE
}
