package io.kinesisconnect.sink.config;

import io.kinesisconnect.common.config.ConfigChoice;

/** Which library writes to Kinesis. */
public enum SinkWriter implements ConfigChoice {
    /** The Kinesis Producer Library and its native child process: today's behaviour. */
    KPL,
    /** The AWS SDK v2 with KPL-format aggregation, keeping every key's order. */
    SDK
}
