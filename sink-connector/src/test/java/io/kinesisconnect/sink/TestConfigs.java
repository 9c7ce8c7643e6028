package io.kinesisconnect.sink;

import io.kinesisconnect.sink.config.KinesisSinkConfig;
import java.util.HashMap;
import java.util.Map;

/** Minimal valid sink settings for unit tests, plus what a test adds. */
public final class TestConfigs {
    private TestConfigs() {}

    /** A static route to stream "out", region us-east-1, then {@code keyValues} on top. */
    public static Map<String, String> props(String... keyValues) {
        Map<String, String> props = new HashMap<>();
        props.put("name", "kinesis-sink-test");
        props.put("topics", "orders");
        props.put(KinesisSinkConfig.STREAM_CONFIG, "out");
        props.put("aws.region", "us-east-1");
        for (int i = 0; i < keyValues.length; i += 2) {
            props.put(keyValues[i], keyValues[i + 1]);
        }
        return props;
    }

    public static KinesisSinkConfig config(String... keyValues) {
        return new KinesisSinkConfig(props(keyValues));
    }
}
