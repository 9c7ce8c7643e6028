package io.kinesisconnect.sink.config;

import io.kinesisconnect.common.config.ConfigChoice;

/** How binary partition keys become the text that Kinesis needs. */
public enum BytesEncoding implements ConfigChoice {
    /** Standard Base64 with padding. */
    BASE64,
    /** Lower-case hexadecimal. */
    HEX,
    /** The bytes as UTF-8 text when they are valid UTF-8, else Base64. */
    UTF8
}
