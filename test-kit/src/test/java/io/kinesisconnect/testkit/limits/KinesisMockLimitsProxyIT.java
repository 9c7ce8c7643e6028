package io.kinesisconnect.testkit.limits;

import io.kinesisconnect.processes.EmulatorKind;
import io.kinesisconnect.testkit.KinesisEmulatorExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

class KinesisMockLimitsProxyIT extends KinesisLimitsProxyContract {

    /** kinesis-mock writes ten times slower than kinesalite; 40/s keeps the test short. */
    private static final int RECORDS_PER_SECOND = 40;

    @RegisterExtension
    static final KinesisEmulatorExtension KINESIS =
            KinesisEmulatorExtension.shared(EmulatorKind.KINESIS_MOCK);

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
