package io.kinesisconnect.testkit.limits;

import io.kinesisconnect.processes.EmulatorKind;
import io.kinesisconnect.testkit.KinesisEmulatorExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

class KinesaliteCborProxyIT extends CborLimitsProxyContract {

    @RegisterExtension
    static final KinesisEmulatorExtension KINESIS =
            KinesisEmulatorExtension.shared(EmulatorKind.KINESALITE);

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
