package io.kinesisconnect.common.keys;

/** Keys that every Connect connector config has, and the one both connectors add to a task's. */
public final class ConnectKeys {
    public static final String NAME = "name";
    public static final String CONNECTOR_CLASS = "connector.class";
    public static final String KEY_CONVERTER = "key.converter";
    public static final String VALUE_CONVERTER = "value.converter";
    public static final String STRING_CONVERTER =
            "org.apache.kafka.connect.storage.StringConverter";
    public static final String BYTE_ARRAY_CONVERTER =
            "org.apache.kafka.connect.converters.ByteArrayConverter";

    /** The task's number, which each connector puts into the configs it gives its tasks. */
    public static final String TASK_ID = "kinesis.task.id";

    private ConnectKeys() {}
}
