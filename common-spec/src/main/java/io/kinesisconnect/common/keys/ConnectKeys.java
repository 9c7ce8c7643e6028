package io.kinesisconnect.common.keys;

/** Keys that every Connect connector config has. */
public final class ConnectKeys {
    public static final String NAME = "name";
    public static final String CONNECTOR_CLASS = "connector.class";
    public static final String TASKS_MAX = "tasks.max";

    private ConnectKeys() {}
}
