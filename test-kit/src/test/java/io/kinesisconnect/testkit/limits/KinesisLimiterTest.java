package io.kinesisconnect.testkit.limits;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KinesisLimiterTest {

    private static final int MIB = 1024 * 1024;
    private static final ShardRef SHARD = new ShardRef("orders", "shardId-000000000000");
    private static final ShardRef OTHER = new ShardRef("orders", "shardId-000000000001");

    private final FakeTicker clock = new FakeTicker();
    private final KinesisLimiter aws = new KinesisLimiter(KinesisLimits.aws(), clock);

    @Test
    void writesStopAtOneThousandRecordsPerShardPerSecond() {
        assertThat(admittedWrites(SHARD, 1_500, 10)).isEqualTo(1_000);
        assertThat(aws.admitWrite(OTHER, 10)).as("another shard has its own budget").isTrue();

        clock.advanceMillis(100);
        assertThat(admittedWrites(SHARD, 500, 10)).as("100 ms refills 100 records").isEqualTo(100);
    }

    @Test
    void writesStopAtOneMebibytePerShardPerSecond() {
        assertThat(admittedWrites(SHARD, 100, 100 * 1024))
                .as("1 MiB is ten 100 KiB records")
                .isEqualTo(10);

        clock.advanceMillis(500);
        assertThat(admittedWrites(SHARD, 100, 100 * 1024)).isEqualTo(5);
    }

    @Test
    void anAggregatedRecordCountsAsOneRecordOfItsFullSize() {
        // 1,000 aggregated records of 1,000 user records each would be a million user records:
        // AWS counts the Kinesis records, so all 1,000 pass while their bytes fit.
        assertThat(admittedWrites(SHARD, 1_000, 1_000)).isEqualTo(1_000);

        clock.advance(java.time.Duration.ofSeconds(1));
        assertThat(admittedWrites(SHARD, 10, 500 * 1024)).as("but their size counts").isEqualTo(2);
    }

    @Test
    void aRefusedEntrySpendsNeitherBudget() {
        assertThat(admittedWrites(SHARD, 1, MIB - 10)).isEqualTo(1);
        assertThat(aws.admitWrite(SHARD, 100)).as("bytes exhausted").isFalse();

        assertThat(admittedWrites(SHARD, 2_000, 1))
                .as("records untouched by the refusal")
                .isEqualTo(10);
    }

    @Test
    void twiceTheWriteLimitForTenSecondsIsAdmittedAtTheLimitWithinTenPercent() {
        int admitted = 0;
        for (int tick = 0; tick < 100; tick++) {
            admitted += admittedWrites(SHARD, 200, 100);
            clock.advanceMillis(100);
        }
        // 10 s at 1,000/s plus the one second of burst the bucket starts with.
        assertThat(admitted).isBetween(10_000, 11_000);
    }

    @Test
    void getRecordsAllowsFiveCallsPerSecondSharedByEveryConsumer() {
        int admitted = 0;
        for (int consumer = 0; consumer < 2; consumer++) {
            for (int call = 0; call < 5; call++) {
                admitted += aws.admitGetRecords(SHARD) ? 1 : 0;
            }
        }
        assertThat(admitted).isEqualTo(5);

        clock.advanceMillis(200);
        assertThat(aws.admitGetRecords(SHARD)).isTrue();
        assertThat(aws.admitGetRecords(SHARD)).isFalse();
    }

    @Test
    void aReaderUnderFiveCallsPerSecondIsNeverRefused() {
        for (int call = 0; call < 100; call++) {
            assertThat(aws.admitGetRecords(SHARD)).as("call %d", call).isTrue();
            aws.chargeRead(SHARD, 300 * 1024);
            clock.advanceMillis(250);
        }
    }

    @Test
    void tenMebibytesReturnedRefuseTheShardForAboutFiveSeconds() {
        // A reader that has spent its byte budget (2 MiB in the last second), then gets 10 MiB.
        assertThat(aws.admitGetRecords(SHARD)).isTrue();
        aws.chargeRead(SHARD, 2 * MIB);
        assertThat(aws.admitGetRecords(SHARD)).isTrue();
        aws.chargeRead(SHARD, 10 * MIB);
        assertThat(aws.readByteBalance(SHARD)).isEqualTo(-10.0 * MIB);

        for (int ms = 0; ms < 5_000; ms += 250) {
            assertThat(aws.admitGetRecords(SHARD)).as("at %d ms", ms).isFalse();
            clock.advanceMillis(250);
        }
        assertThat(aws.admitGetRecords(SHARD)).as("at 5 s the debt is repaid").isTrue();
        assertThat(aws.admitGetRecords(OTHER)).as("the debt is the shard's only").isTrue();
    }

    @Test
    void getShardIteratorAllowsFivePerShardPerSecond() {
        int admitted = 0;
        for (int i = 0; i < 20; i++) {
            admitted += aws.admitGetShardIterator(SHARD) ? 1 : 0;
        }
        assertThat(admitted).isEqualTo(5);
        assertThat(aws.admitGetShardIterator(OTHER)).isTrue();
    }

    @Test
    void controlPlaneLimitsApplyPerStreamOrPerAccount() {
        assertThat(admittedControl(Limit.LIST_SHARDS, "orders", 1_200)).isEqualTo(1_000);
        assertThat(admittedControl(Limit.LIST_SHARDS, "payments", 1)).isEqualTo(1);
        assertThat(admittedControl(Limit.DESCRIBE_STREAM_SUMMARY, KinesisLimiter.ACCOUNT, 30))
                .isEqualTo(20);
        assertThat(admittedControl(Limit.LIST_STREAMS, KinesisLimiter.ACCOUNT, 30)).isEqualTo(5);
        assertThat(admittedControl(Limit.REGISTER_STREAM_CONSUMER, KinesisLimiter.ACCOUNT, 30))
                .isEqualTo(5);
    }

    @Test
    void everyLimitIsSettable() {
        KinesisLimits limits = KinesisLimits.aws();
        for (Limit limit : Limit.values()) {
            limits = limits.with(limit, 3);
        }
        KinesisLimiter tight = new KinesisLimiter(limits, clock);

        assertThat(count(() -> tight.admitWrite(SHARD, 1))).isEqualTo(3);
        assertThat(count(() -> tight.admitWrite(OTHER, 2)))
                .as("3 bytes: one 2-byte record")
                .isEqualTo(1);
        assertThat(count(() -> tight.admitGetRecords(SHARD))).isEqualTo(3);
        assertThat(count(() -> tight.admitGetShardIterator(SHARD))).isEqualTo(3);
        for (Limit control :
                new Limit[] {
                    Limit.LIST_SHARDS,
                    Limit.DESCRIBE_STREAM_SUMMARY,
                    Limit.LIST_STREAMS,
                    Limit.REGISTER_STREAM_CONSUMER
                }) {
            assertThat(count(() -> tight.admitControl(control, "s")))
                    .as(control.key())
                    .isEqualTo(3);
        }
        tight.chargeRead(OTHER, 4);
        assertThat(tight.admitGetRecords(OTHER))
                .as("read bytes at 3/s: 4 bytes leave a debt")
                .isFalse();
    }

    @Test
    void withNoLimitsNothingIsEverRefused() {
        KinesisLimiter none = new KinesisLimiter(KinesisLimits.none(), clock);

        assertThat(count(() -> none.admitWrite(SHARD, MIB))).isEqualTo(100);
        none.chargeRead(SHARD, 100L * MIB);
        assertThat(count(() -> none.admitGetRecords(SHARD))).isEqualTo(100);
        assertThat(count(() -> none.admitGetShardIterator(SHARD))).isEqualTo(100);
        assertThat(count(() -> none.admitControl(Limit.LIST_STREAMS, "a"))).isEqualTo(100);
    }

    private int admittedWrites(ShardRef shard, int records, int size) {
        int admitted = 0;
        for (int i = 0; i < records; i++) {
            admitted += aws.admitWrite(shard, size) ? 1 : 0;
        }
        return admitted;
    }

    private int admittedControl(Limit limit, String scope, int calls) {
        int admitted = 0;
        for (int i = 0; i < calls; i++) {
            admitted += aws.admitControl(limit, scope) ? 1 : 0;
        }
        return admitted;
    }

    /** How many of 100 attempts at the same instant were admitted. */
    private static int count(java.util.function.BooleanSupplier attempt) {
        int admitted = 0;
        for (int i = 0; i < 100; i++) {
            admitted += attempt.getAsBoolean() ? 1 : 0;
        }
        return admitted;
    }
}
