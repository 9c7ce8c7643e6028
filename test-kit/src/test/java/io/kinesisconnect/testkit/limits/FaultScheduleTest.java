package io.kinesisconnect.testkit.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class FaultScheduleTest {

    private static final FaultSchedule.Window PUT_OUTAGE =
            FaultSchedule.during(
                    Fault.INTERNAL_FAILURE,
                    "PutRecords",
                    Duration.ofSeconds(5),
                    Duration.ofSeconds(8));

    private final FakeTicker clock = new FakeTicker();

    @Test
    void aWindowHitsEveryCallOfItsApiFromItsStartUntilItsEndAndNoOther() {
        ScriptedDice dice = new ScriptedDice();
        FaultInjector injector =
                new FaultInjector(KinesisFaults.none().withSchedule(PUT_OUTAGE), dice, clock);

        assertThat(endingAt(injector, 0, "PutRecords")).isNull();
        assertThat(endingAt(injector, 4_999, "PutRecords")).isNull();
        assertThat(endingAt(injector, 1, "PutRecords")).isEqualTo(Fault.INTERNAL_FAILURE);
        FaultInjector.Plan inside = injector.plan("PutRecords");
        assertThat(inside.ending()).isEqualTo(Fault.INTERNAL_FAILURE);
        assertThat(inside.scheduled()).containsExactly(PUT_OUTAGE);
        assertThat(injector.plan("GetRecords")).isEqualTo(FaultInjector.Plan.NONE);
        assertThat(endingAt(injector, 2_999, "PutRecords")).isEqualTo(Fault.INTERNAL_FAILURE);
        assertThat(endingAt(injector, 1, "PutRecords")).isNull();
        assertThat(endingAt(injector, 60_000, "PutRecords")).isNull();
        // A window at 100% needs no roll.
        assertThat(dice.left()).isZero();
    }

    @Test
    void aWindowAfterTheFirstCallCountsFromTheFirstCallOfItsApi() {
        FaultSchedule.Window outage =
                FaultSchedule.during(
                                Fault.SERVICE_UNAVAILABLE,
                                "PutRecords",
                                Duration.ofSeconds(1),
                                Duration.ofSeconds(3))
                        .afterFirstCall();
        FaultInjector injector =
                new FaultInjector(
                        KinesisFaults.none().withSchedule(outage), new ScriptedDice(), clock);

        // Long after the proxy started; calls of other APIs do not start the window.
        assertThat(endingAt(injector, 10_000, "GetRecords")).isNull();
        assertThat(endingAt(injector, 500, "PutRecords")).as("the first call").isNull();
        assertThat(endingAt(injector, 999, "PutRecords")).isNull();
        assertThat(endingAt(injector, 1, "PutRecords")).isEqualTo(Fault.SERVICE_UNAVAILABLE);
        assertThat(endingAt(injector, 1_999, "PutRecords")).isEqualTo(Fault.SERVICE_UNAVAILABLE);
        assertThat(endingAt(injector, 1, "PutRecords")).isNull();
    }

    @Test
    void everyNthHitsExactlyTheNthCallsOfItsApiAndCountsNoOther() {
        FaultSchedule third = FaultSchedule.everyNth(Fault.DROPPED_CONNECTION, "PutRecord", 3);
        FaultInjector injector =
                new FaultInjector(
                        KinesisFaults.none().withSchedule(third), new ScriptedDice(), clock);

        List<Fault> endings = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            endings.add(injector.plan("PutRecord").ending());
            assertThat(injector.plan("ListShards").ending()).isNull();
        }

        assertThat(endings)
                .containsExactly(
                        null,
                        null,
                        Fault.DROPPED_CONNECTION,
                        null,
                        null,
                        Fault.DROPPED_CONNECTION,
                        null);
    }

    @Test
    void aWindowBelowFullRateRollsOnlyWhileOpen() {
        ScriptedDice dice = new ScriptedDice().then(0.4, 0.6);
        FaultInjector injector =
                new FaultInjector(
                        KinesisFaults.none().withSchedule(PUT_OUTAGE.atRate(0.5)), dice, clock);

        assertThat(endingAt(injector, 1_000, "PutRecords")).isNull();
        assertThat(endingAt(injector, 5_000, "PutRecords")).isEqualTo(Fault.INTERNAL_FAILURE);
        assertThat(injector.plan("PutRecords").ending()).isNull();
        assertThat(dice.left()).isZero();
    }

    @Test
    void aScheduleReplacesWhatTheRatesDrewWhichAreStillRolled() {
        FaultSchedule unavailable =
                FaultSchedule.during(
                        Fault.SERVICE_UNAVAILABLE, null, Duration.ZERO, Duration.ofSeconds(1));
        KinesisFaults faults =
                KinesisFaults.none().with(Fault.INTERNAL_FAILURE, 0.5).withSchedule(unavailable);
        // 0.1 draws InternalFailure by rate, both inside and after the window.
        ScriptedDice dice = new ScriptedDice().then(0.1, 0.1);
        FaultInjector injector = new FaultInjector(faults, dice, clock);

        assertThat(injector.plan("ListShards").ending()).isEqualTo(Fault.SERVICE_UNAVAILABLE);
        assertThat(endingAt(injector, 1_000, "ListShards")).isEqualTo(Fault.INTERNAL_FAILURE);
        assertThat(dice.left()).isZero();
    }

    @Test
    void scheduledLatencyAndEntryFailuresAndExpiredIteratorsApplyWhereTheirRatesWould() {
        KinesisFaults faults =
                KinesisFaults.none()
                        .withLatencyMillis(300)
                        .withSchedule(
                                FaultSchedule.during(
                                        Fault.LATENCY, null, Duration.ZERO, Duration.ofSeconds(2)))
                        .withSchedule(
                                FaultSchedule.everyNth(Fault.PUT_RECORDS_ENTRY_FAILURE, null, 2))
                        .withSchedule(FaultSchedule.everyNth(Fault.EXPIRED_ITERATOR, null, 1));
        FaultInjector injector = new FaultInjector(faults, new ScriptedDice(), clock);

        FaultInjector.Plan getRecords = injector.plan("GetRecords");
        assertThat(getRecords.latencyMillis()).isEqualTo(300);
        assertThat(getRecords.ending()).isEqualTo(Fault.EXPIRED_ITERATOR);
        assertThat(injector.plan("GetShardIterator").ending()).isNull();
        assertThat(
                        List.of(
                                injector.failEntry(),
                                injector.failEntry(),
                                injector.failEntry(),
                                injector.failEntry()))
                .containsExactly(false, true, false, true);
        clock.advance(Duration.ofSeconds(2));
        assertThat(injector.plan("DescribeStream").latencyMillis()).isZero();
    }

    @Test
    void theConfigurationFileSetsWindowsAndEveryNthPerApiOrForAll() {
        Properties properties = new Properties();
        properties.setProperty(
                "fault.internal.failure.window.PutRecords", "5s-8s, 20s-22500ms@0.5");
        properties.setProperty("fault.dropped.connection.every", "10");
        properties.setProperty("fault.service.unavailable.window", "1s-2s after first call");

        List<FaultSchedule> schedules =
                KinesisLimits.fromProperties(properties).faults().schedules();

        assertThat(schedules)
                .containsExactlyInAnyOrder(
                        PUT_OUTAGE,
                        FaultSchedule.during(
                                        Fault.INTERNAL_FAILURE,
                                        "PutRecords",
                                        Duration.ofSeconds(20),
                                        Duration.ofMillis(22_500))
                                .atRate(0.5),
                        FaultSchedule.everyNth(Fault.DROPPED_CONNECTION, null, 10),
                        FaultSchedule.during(
                                        Fault.SERVICE_UNAVAILABLE,
                                        null,
                                        Duration.ofSeconds(1),
                                        Duration.ofSeconds(2))
                                .afterFirstCall());
        assertThat(KinesisLimits.fromProperties(properties).faults().toString())
                .contains("internal_failure PutRecords 5s-8s")
                .contains("internal_failure PutRecords 20s-22500ms@0.5")
                .contains("dropped_connection * every 10th call")
                .contains("service_unavailable * 1s-2s after first call");
    }

    @Test
    void aBadScheduleNamesTheKeyTheValueAndWhatIsAccepted() {
        assertThatThrownBy(() -> parse("fault.internal.failure.window", "8s-5s"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fault.internal.failure.window was '8s-5s'")
                .hasMessageContaining("such as 5s-8s")
                .hasMessageContaining("end after it starts");
        assertThatThrownBy(() -> parse("fault.service.unavailable.window.ListShards", "soon"))
                .hasMessageContaining("fault.service.unavailable.window.ListShards was 'soon'");
        assertThatThrownBy(() -> parse("fault.dropped.connection.every.PutRecord", "0"))
                .hasMessageContaining("fault.dropped.connection.every.PutRecord was '0'")
                .hasMessageContaining("a whole number n of 1 or more");
        assertThatThrownBy(() -> parse("fault.internal.failure.window", "1s-2s@1.5"))
                .hasMessageContaining("at most 1");
    }

    @Test
    void theStatsLineCountsWhatEachScheduleDecided() {
        ProxyCounters counters = new ProxyCounters();
        counters.injected(Fault.INTERNAL_FAILURE, "PutRecords", 2);
        counters.countScheduled(PUT_OUTAGE);
        counters.countScheduled(PUT_OUTAGE);

        assertThat(counters.scheduled(PUT_OUTAGE)).isEqualTo(2);
        assertThat(counters.summary())
                .contains("injected: internal_failure 2 [PutRecords 2]")
                .contains("scheduled: internal_failure PutRecords 5s-8s 2");
    }

    private Fault endingAt(FaultInjector injector, long advanceMillis, String api) {
        clock.advanceMillis(advanceMillis);
        return injector.plan(api).ending();
    }

    private static KinesisFaults parse(String key, String value) {
        Properties properties = new Properties();
        properties.setProperty(key, value);
        return KinesisLimits.fromProperties(properties).faults();
    }
}
