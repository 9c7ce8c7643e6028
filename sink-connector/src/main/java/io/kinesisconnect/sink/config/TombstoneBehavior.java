package io.kinesisconnect.sink.config;

import io.kinesisconnect.common.config.ConfigChoice;

/** What happens to a record with a null value. */
public enum TombstoneBehavior implements ConfigChoice {
    /** The record is skipped and its offset committed. */
    SKIP,
    /** The task fails, naming the record. */
    FAIL,
    /** The record goes to the errant record reporter (the dead-letter queue). */
    DLQ
}
