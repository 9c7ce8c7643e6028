package io.kinesisconnect.testkit.limits;

import io.kinesisconnect.testkit.EmulatorKind;
import io.kinesisconnect.testkit.KinesisEmulatorExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

class KinesaliteLimitsProxyIT extends KinesisLimitsProxyContract {

    @RegisterExtension
    static final KinesisEmulatorExtension KINESIS =
            KinesisEmulatorExtension.shared(EmulatorKind.KINESALITE);

    @RegisterExtension
    static final KinesisLimitsProxyExtension LIMITED =
            KinesisLimitsProxyExtension.inFrontOf(KINESIS, LIMITS);

    @RegisterExtension
    static final KinesisLimitsProxyExtension UNLIMITED =
            KinesisLimitsProxyExtension.inFrontOf(KINESIS, KinesisLimits.none());

    @Override
    KinesisEmulatorExtension kinesis() {
        return KINESIS;
    }

    @Override
    KinesisLimitsProxyExtension limited() {
        return LIMITED;
    }

    @Override
    KinesisLimitsProxyExtension unlimited() {
        return UNLIMITED;
    }
}
