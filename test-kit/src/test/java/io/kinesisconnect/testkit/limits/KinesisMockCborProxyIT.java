package io.kinesisconnect.testkit.limits;

import io.kinesisconnect.processes.EmulatorKind;
import io.kinesisconnect.testkit.KinesisEmulatorExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

class KinesisMockCborProxyIT extends CborLimitsProxyContract {

    @RegisterExtension
    static final KinesisEmulatorExtension KINESIS =
            KinesisEmulatorExtension.shared(EmulatorKind.KINESIS_MOCK);

    @RegisterExtension
    static final KinesisLimitsProxyExtension PROXY =
            KinesisLimitsProxyExtension.inFrontOf(KINESIS, limits());

    @Override
    KinesisEmulatorExtension kinesis() {
        return KINESIS;
    }

    @Override
    KinesisLimitsProxyExtension proxy() {
        return PROXY;
    }
}
