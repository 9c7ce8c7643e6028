package io.kinesisconnect.source.efo;

import io.kinesisconnect.common.config.ConfigChoice;

/**
 * Who registers the enhanced fan-out consumer with the stream: the values of {@code
 * kinesis.efo.registration}.
 */
public enum EfoRegistration implements ConfigChoice {
    /** The connector registers it when it is missing and waits until it is ACTIVE. */
    EAGER,
    /** Someone else registered it; the connector only looks it up. */
    SELF_MANAGED
}
