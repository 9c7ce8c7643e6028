package io.kinesisconnect.testkit;

import io.kinesisconnect.processes.EmulatorKind;
import org.junit.jupiter.api.extension.RegisterExtension;

class KinesaliteRoundTripIT extends EmulatorRoundTripContract {

    @RegisterExtension
    static final KinesisEmulatorExtension KINESIS =
            KinesisEmulatorExtension.shared(EmulatorKind.KINESALITE);

    @Override
    KinesisEmulatorExtension kinesis() {
        return KINESIS;
    }
}
