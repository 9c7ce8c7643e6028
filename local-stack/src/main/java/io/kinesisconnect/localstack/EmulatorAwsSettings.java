package io.kinesisconnect.localstack;

import io.kinesisconnect.common.aws.CredentialsProviderType;
import io.kinesisconnect.common.keys.AwsKeys;
import io.kinesisconnect.processes.KinesisTestClients;
import java.util.Map;

/** The AWS settings of a connector that talks to the local emulator, in one place. */
final class EmulatorAwsSettings {

    private EmulatorAwsSettings() {}

    /** The emulator's endpoint and region, and the static test credentials it accepts. */
    static void putInto(Map<String, String> config, String endpoint) {
        config.put(AwsKeys.ENDPOINT, endpoint);
        config.put(AwsKeys.REGION, KinesisTestClients.REGION.id());
        config.put(AwsKeys.CREDENTIALS_PROVIDER, CredentialsProviderType.BASIC.configValue());
        config.put(AwsKeys.ACCESS_KEY_ID, KinesisTestClients.ACCESS_KEY_ID);
        config.put(AwsKeys.SECRET_ACCESS_KEY, KinesisTestClients.SECRET_ACCESS_KEY);
    }

    /** kinesis-mock's certificate is self-signed: acceptable for a local emulator only. */
    static void trustSelfSigned(Map<String, String> config) {
        config.put(AwsKeys.TLS_VERIFY_CERTIFICATES, "false");
    }
}
