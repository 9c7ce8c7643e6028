package io.kinesisconnect.source;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Where a shard with no stored offset starts. */
public enum StartupMode {
    /** Records written after the connector was created (resolved once, then kept). */
    LATEST,
    /** Everything the stream still retains (TRIM_HORIZON). */
    EARLIEST,
    /** Records that arrived at or after {@code kinesis.startup.date}. */
    DATE;

    /** The lower-case names users write. */
    public static List<String> names() {
        return Arrays.stream(values()).map(StartupMode::configName).toList();
    }

    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static StartupMode fromConfig(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
