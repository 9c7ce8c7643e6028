package io.kinesisconnect.testkit;

import io.kinesisconnect.processes.EmulatorKind;
import org.junit.jupiter.api.extension.RegisterExtension;

class KinesisMockRoundTripIT extends EmulatorRoundTripContract {

    @RegisterExtension
    static final KinesisEmulatorExtension KINESIS =
            KinesisEmulatorExtension.shared(EmulatorKind.KINESIS_MOCK);

    @Override
    KinesisEmulatorExtension kinesis() {
        return KINESIS;
    }
}
