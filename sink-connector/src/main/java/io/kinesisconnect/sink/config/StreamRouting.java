package io.kinesisconnect.sink.config;

/** How the target stream of a record is chosen. */
public enum StreamRouting implements ConfigChoice {
    /** One stream for all records, or a template such as {@code ${topic}-events}. */
    STATIC,
    /** A topic to stream mapping; unmapped topics use the template, if there is one. */
    MAPPING,
    /** A record header names the stream; records without it use the mapping or template. */
    HEADER
}
