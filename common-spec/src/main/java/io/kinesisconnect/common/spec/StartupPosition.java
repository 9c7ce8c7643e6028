package io.kinesisconnect.common.spec;

import java.time.Instant;

/** Where an ingress starts reading a stream ({@code startupPosition}). */
public sealed interface StartupPosition {
    /** The tip of each shard. */
    record Latest() implements StartupPosition {}

    /** The oldest record still retained. */
    record Earliest() implements StartupPosition {}

    /** The first record that arrived at or after {@code date}. */
    record AtDate(Instant date) implements StartupPosition {}
}
