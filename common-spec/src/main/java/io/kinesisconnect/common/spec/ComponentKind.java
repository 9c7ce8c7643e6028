package io.kinesisconnect.common.spec;

/** Whether a component reads from Kinesis or writes to it. */
enum ComponentKind {
    INGRESS,
    EGRESS
}
