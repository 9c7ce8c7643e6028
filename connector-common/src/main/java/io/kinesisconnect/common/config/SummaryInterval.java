package io.kinesisconnect.common.config;

import java.time.Duration;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * {@code kinesis.summary.interval.ms}, the same setting in both connectors: how often each task
 * logs one summary line. 0 turns the line off; anything else is at least a second, so that a typo
 * cannot turn the summary into a line per batch.
 */
public final class SummaryInterval {

    public static final String CONFIG = "kinesis.summary.interval.ms";
    public static final long DEFAULT_MS = 60_000;
    public static final long MIN_MS = 1_000;

    /** Accepts 0, or at least {@link #MIN_MS}, and names the key and the value when not. */
    public static final ConfigDef.Validator VALIDATOR =
            new ConfigDef.Validator() {
                @Override
                public void ensureValid(String name, Object value) {
                    if (value == null) {
                        return;
                    }
                    long ms = (Long) value;
                    if (ms != 0 && ms < MIN_MS) {
                        throw new ConfigException(
                                name,
                                value,
                                "Use 0 to turn the summary off, or at least " + MIN_MS + " ms");
                    }
                }

                @Override
                public String toString() {
                    return "0 (off), or at least " + MIN_MS;
                }
            };

    private SummaryInterval() {}

    /** Whether a summary is due: never when the interval is 0. */
    public static boolean isOff(Duration interval) {
        return interval.isZero();
    }
}
