package io.kinesisconnect.testkit.limits;

import io.kinesisconnect.processes.EmulatorKind;
import io.kinesisconnect.testkit.KinesisEmulatorExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

class KinesaliteLimitsProxyIT extends KinesisLimitsProxyContract {

    /** kinesalite keeps up with twice this on a loaded machine. */
    private static final int RECORDS_PER_SECOND = 100;

    @RegisterExtension
    static final KinesisEmulatorExtension KINESIS =
            KinesisEmulatorExtension.shared(EmulatorKind.KINESALITE);

    @RegisterExtension
    static final KinesisLimitsProxyExtension LIMITED =
            KinesisLimitsProxyExtension.inFrontOf(KINESIS, limits(RECORDS_PER_SECOND));

    @RegisterExtension
    static final KinesisLimitsProxyExtension UNLIMITED =
            KinesisLimitsProxyExtension.inFrontOf(KINESIS, KinesisLimits.none());

    @Override
    int recordsPerSecond() {
        return RECORDS_PER_SECOND;
    }

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
