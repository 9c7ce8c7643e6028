package io.kinesisconnect.common.keys;

import io.kinesisconnect.common.config.ConfigChoice;

/**
 * The values of {@link SinkKeys#STREAM_ROUTING}: how the target stream of a record is chosen. Here
 * rather than in the sink so that the translator writes the same values.
 */
public enum StreamRouting implements ConfigChoice {
    /** One stream for all records, or a template such as {@code ${topic}-events}. */
    STATIC,
    /** A topic to stream mapping; unmapped topics use the template, if there is one. */
    MAPPING,
    /** A record header names the stream; records without it use the mapping or template. */
    HEADER
}
