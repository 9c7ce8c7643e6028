package io.kinesisconnect.source.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinesisconnect.common.keys.AwsKeys;
import io.kinesisconnect.source.KinesisSourceConfig;
import io.kinesisconnect.testkit.ConnectClusterExtension;
import io.kinesisconnect.testkit.EmulatorKind;
import io.kinesisconnect.testkit.KinesisEmulatorExtension;
import io.kinesisconnect.testkit.StreamWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Enhanced fan-out on kinesis-mock: what only this reader type does. */
class SourceFanOutIT {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    @RegisterExtension
    static final KinesisEmulatorExtension KINESIS =
            KinesisEmulatorExtension.shared(EmulatorKind.KINESIS_MOCK);

    @RegisterExtension
    static final ConnectClusterExtension CONNECT = ConnectClusterExtension.withWorkers(1);

    @Test
    void plainHttpEndpointCarriesHttp2WithoutTls() {
        String stream = KINESIS.streams().create("efo-h2c", 1);
        KeyedRecords records = new KeyedRecords(10);
        new StreamWriter(KINESIS.client()).putAll(stream, records.next(200));
        Map<String, String> config = config("efo-h2c", stream);
        config.put(AwsKeys.ENDPOINT, KINESIS.emulator().endpoint().toString());
        config.remove(AwsKeys.TLS_VERIFY_CERTIFICATES);
        start("efo-h2c", config);

        Delivered delivered =
                Delivered.awaitAll(
                        CONNECT.cluster().bootstrapServers(),
                        stream,
                        records.all(),
                        false,
                        TIMEOUT);

        assertThat(delivered.distinctValues()).isEqualTo(records.all());
        assertThat(delivered.duplicates()).isZero();
    }

    private static Map<String, String> config(String name, String stream) {
        Map<String, String> config =
                SourceTestConfigs.forReader(KINESIS.emulator(), name, List.of(stream), 1, "efo");
        config.put(KinesisSourceConfig.STARTUP_POSITION_CONFIG, "earliest");
        return config;
    }

    private static void start(String name, Map<String, String> config) {
        CONNECT.cluster().putConnectorConfig(name, config).requireSuccess("create " + name);
        CONNECT.cluster().awaitRunning(name, 1, TIMEOUT);
    }
}
