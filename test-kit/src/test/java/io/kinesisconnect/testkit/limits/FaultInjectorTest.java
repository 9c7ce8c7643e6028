package io.kinesisconnect.testkit.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FaultInjectorTest {

    private static final KinesisFaults ENDING =
            KinesisFaults.none()
                    .with(Fault.INTERNAL_FAILURE, 0.1)
                    .with(Fault.SERVICE_UNAVAILABLE, 0.2)
                    .with(Fault.DROPPED_CONNECTION, 0.3)
                    .with(Fault.EXPIRED_ITERATOR, 0.1);

    @Test
    void withoutFaultsNothingIsRolled() {
        ScriptedDice dice = new ScriptedDice();
        FaultInjector injector = new FaultInjector(KinesisFaults.none(), dice);

        assertThat(injector.plan("PutRecords")).isEqualTo(FaultInjector.Plan.NONE);
        assertThat(injector.failEntry()).isFalse();
    }

    @Test
    void oneRollPicksTheCallEndingFaultWhoseSliceItFallsIn() {
        ScriptedDice dice = new ScriptedDice().then(0.05, 0.1, 0.25, 0.31, 0.59, 0.61, 0.69, 0.71);
        FaultInjector injector = new FaultInjector(ENDING, dice);

        assertThat(endings(injector, "GetRecords", 8))
                .containsExactly(
                        Fault.INTERNAL_FAILURE,
                        Fault.SERVICE_UNAVAILABLE,
                        Fault.SERVICE_UNAVAILABLE,
                        Fault.DROPPED_CONNECTION,
                        Fault.DROPPED_CONNECTION,
                        Fault.EXPIRED_ITERATOR,
                        Fault.EXPIRED_ITERATOR,
                        null);
        assertThat(dice.left()).isZero();
    }

    @Test
    void anExpiredIteratorIsOnlyInjectedIntoGetRecords() {
        // 0.65 falls in the expired-iterator slice of GetRecords; other APIs have no such slice.
        FaultInjector injector = new FaultInjector(ENDING, new ScriptedDice().then(0.65, 0.65));

        assertThat(injector.plan("GetRecords").ending()).isEqualTo(Fault.EXPIRED_ITERATOR);
        assertThat(injector.plan("GetShardIterator").ending()).isNull();
    }

    @Test
    void aRateForOneApiReplacesTheRateForEveryApi() {
        KinesisFaults faults =
                KinesisFaults.none()
                        .with(Fault.INTERNAL_FAILURE, 0.5)
                        .with(Fault.INTERNAL_FAILURE, "ListShards", 0.0)
                        .with(Fault.SERVICE_UNAVAILABLE, "PutRecords", 0.5);
        ScriptedDice dice = new ScriptedDice().then(0.1, 0.99);
        FaultInjector injector = new FaultInjector(faults, dice);

        assertThat(injector.plan("GetRecords").ending()).isEqualTo(Fault.INTERNAL_FAILURE);
        // ListShards has no rate left: it is not even rolled for.
        assertThat(injector.plan("ListShards").ending()).isNull();
        assertThat(injector.plan("DescribeStreamSummary").ending()).isNull();
        assertThat(faults.rate(Fault.INTERNAL_FAILURE, "PutRecords")).isEqualTo(0.5);
        assertThat(faults.rate(Fault.SERVICE_UNAVAILABLE, "PutRecords")).isEqualTo(0.5);
        assertThat(dice.left()).isZero();
    }

    @Test
    void latencyIsRolledApartFromTheEndingFaults() {
        KinesisFaults faults =
                KinesisFaults.none()
                        .with(Fault.LATENCY, 0.5)
                        .withLatencyMillis(250)
                        .with(Fault.INTERNAL_FAILURE, 0.5);
        // Latency roll, then ending roll, per call.
        ScriptedDice dice = new ScriptedDice().then(0.4, 0.4, 0.6, 0.6, 0.4, 0.9);
        FaultInjector injector = new FaultInjector(faults, dice);

        assertThat(injector.plan("PutRecord"))
                .isEqualTo(new FaultInjector.Plan(250, Fault.INTERNAL_FAILURE));
        assertThat(injector.plan("PutRecord")).isEqualTo(FaultInjector.Plan.NONE);
        assertThat(injector.plan("PutRecord")).isEqualTo(new FaultInjector.Plan(250, null));
    }

    @Test
    void entryFailuresRollOncePerEntryAtTheirRate() {
        KinesisFaults faults = KinesisFaults.none().with(Fault.PUT_RECORDS_ENTRY_FAILURE, 0.25);
        FaultInjector injector =
                new FaultInjector(faults, new ScriptedDice().then(0.0, 0.24, 0.25, 0.9));

        assertThat(injector.failEntry()).isTrue();
        assertThat(injector.failEntry()).isTrue();
        assertThat(injector.failEntry()).isFalse();
        assertThat(injector.failEntry()).isFalse();
        // Entry failures end no call.
        assertThat(new FaultInjector(faults, new ScriptedDice()).plan("PutRecords"))
                .isEqualTo(FaultInjector.Plan.NONE);
    }

    @Test
    void aSeededInjectorHitsEachFaultAtItsRate() {
        FaultInjector injector = FaultInjector.of(ENDING.withSeed(42), Ticker.SYSTEM);
        int calls = 100_000;
        Map<Fault, Integer> hits = new HashMap<>();
        for (int i = 0; i < calls; i++) {
            Fault ending = injector.plan("GetRecords").ending();
            if (ending != null) {
                hits.merge(ending, 1, Integer::sum);
            }
        }

        assertThat(hits.get(Fault.INTERNAL_FAILURE) / (double) calls).isBetween(0.095, 0.105);
        assertThat(hits.get(Fault.SERVICE_UNAVAILABLE) / (double) calls).isBetween(0.195, 0.205);
        assertThat(hits.get(Fault.DROPPED_CONNECTION) / (double) calls).isBetween(0.295, 0.305);
        assertThat(hits.get(Fault.EXPIRED_ITERATOR) / (double) calls).isBetween(0.095, 0.105);
    }

    private static List<Fault> endings(FaultInjector injector, String api, int calls) {
        List<Fault> endings = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            endings.add(injector.plan(api).ending());
        }
        return endings;
    }
}
