package io.kinesisconnect.source.it;

import io.kinesisconnect.common.config.ConfigChoices;
import io.kinesisconnect.common.keys.AwsKeys;
import io.kinesisconnect.processes.EmulatorProcess;
import io.kinesisconnect.processes.KinesisTestClients;
import io.kinesisconnect.source.KinesisSourceConfig;
import io.kinesisconnect.source.KinesisSourceConnector;
import io.kinesisconnect.source.efo.EfoConfigFragment;
import io.kinesisconnect.source.efo.ReaderType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Source connector configs pointed at a test emulator, tuned for quick tests. */
final class SourceTestConfigs {

    private SourceTestConfigs() {}

    static Map<String, String> forEmulator(
            EmulatorProcess emulator, String name, List<String> streams, int tasks) {
        Map<String, String> config = new HashMap<>();
        config.put("name", name);
        config.put("connector.class", KinesisSourceConnector.class.getName());
        config.put("tasks.max", Integer.toString(tasks));
        config.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        config.put("value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
        config.put(KinesisSourceConfig.STREAMS_CONFIG, String.join(",", streams));
        config.put(AwsKeys.REGION, KinesisTestClients.REGION.id());
        config.put(AwsKeys.ENDPOINT, emulator.endpoint().toString());
        config.put(AwsKeys.CREDENTIALS_PROVIDER, "basic");
        config.put(AwsKeys.ACCESS_KEY_ID, KinesisTestClients.ACCESS_KEY_ID);
        config.put(AwsKeys.SECRET_ACCESS_KEY, KinesisTestClients.SECRET_ACCESS_KEY);
        // Connect creates missing topics (data and marker) itself, as production configs should.
        config.put("topic.creation.default.replication.factor", "1");
        config.put("topic.creation.default.partitions", "2");
        config.put(KinesisSourceConfig.IDLE_BACKOFF_CONFIG, "200");
        config.put(KinesisSourceConfig.DISCOVERY_INTERVAL_CONFIG, "2000");
        config.put(KinesisSourceConfig.PARENT_CHECK_INTERVAL_CONFIG, "500");
        config.put(KinesisSourceConfig.SUMMARY_INTERVAL_CONFIG, "10000");
        return config;
    }

    /**
     * The config for a reader type: for 'efo' the emulator's TLS port (HTTP/2 by ALPN, the way
     * users reach AWS), trusting its self-signed certificate.
     */
    static Map<String, String> forReader(
            EmulatorProcess emulator, String name, List<String> streams, int tasks, String type) {
        Map<String, String> config = forEmulator(emulator, name, streams, tasks);
        config.put(EfoConfigFragment.READER_TYPE_CONFIG, type);
        if (ConfigChoices.of(ReaderType.class, type) == ReaderType.EFO) {
            config.put(AwsKeys.ENDPOINT, emulator.tlsEndpoint().toString());
            config.put(AwsKeys.TLS_VERIFY_CERTIFICATES, "false");
        }
        return config;
    }
}
