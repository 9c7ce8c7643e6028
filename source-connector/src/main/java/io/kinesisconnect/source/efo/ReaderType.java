package io.kinesisconnect.source.efo;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** How the tasks read shards. */
public enum ReaderType {
    /** GetRecords on a schedule: shares each shard's 2 MiB/s and 5 calls/s with other readers. */
    POLLING,
    /** Enhanced fan-out: SubscribeToShard pushes over HTTP/2, with 2 MiB/s per shard of its own. */
    EFO;

    /** The lower-case names users write. */
    public static List<String> names() {
        return Arrays.stream(values()).map(ReaderType::configName).toList();
    }

    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ReaderType fromConfig(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
