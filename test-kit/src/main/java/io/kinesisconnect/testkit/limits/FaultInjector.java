package io.kinesisconnect.testkit.limits;

import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Draws the faults of each call from {@link KinesisFaults}, with rolls from a {@link
 * DoubleSupplier} of uniform values in [0, 1) that tests replace with a script. Pure: it neither
 * sleeps nor answers; the proxy acts on its {@link Plan}.
 *
 * <p>Per call it rolls once for latency (when its rate is above 0) and once for the call-ending
 * faults (when any of their rates is above 0), laid end to end in {@link Fault} order so that each
 * hits with exactly its rate. PutRecords entries roll once each.
 */
final class FaultInjector {

    /** What happens to one call: {@code latencyMillis} of delay, then {@code ending} or nothing. */
    record Plan(long latencyMillis, Fault ending) {

        static final Plan NONE = new Plan(0, null);
    }

    private final KinesisFaults faults;
    private final DoubleSupplier dice;

    FaultInjector(KinesisFaults faults, DoubleSupplier dice) {
        this.faults = faults;
        this.dice = dice;
    }

    /** An injector with the seeded sequence of {@code faults}, or an unseeded one. */
    static FaultInjector of(KinesisFaults faults) {
        if (faults.seed() == null) {
            return new FaultInjector(faults, () -> ThreadLocalRandom.current().nextDouble());
        }
        Random random = new Random(faults.seed());
        return new FaultInjector(faults, random::nextDouble);
    }

    KinesisFaults faults() {
        return faults;
    }

    /** The faults of one call of the operation {@code api}. */
    Plan plan(String api) {
        if (faults.isNone()) {
            return Plan.NONE;
        }
        long latency = 0;
        double latencyRate = faults.rate(Fault.LATENCY, api);
        if (latencyRate > 0 && dice.getAsDouble() < latencyRate) {
            latency = faults.latencyMillis();
        }
        return new Plan(latency, ending(api));
    }

    /** Whether one PutRecords entry fails with InternalFailure. */
    boolean failEntry() {
        double rate = faults.rate(Fault.PUT_RECORDS_ENTRY_FAILURE, WriteGate.PUT_RECORDS);
        return rate > 0 && dice.getAsDouble() < rate;
    }

    private Fault ending(String api) {
        double total = 0;
        for (Fault fault : Fault.values()) {
            total += fault.endsCall() ? faults.rate(fault, api) : 0;
        }
        if (total == 0) {
            return null;
        }
        double roll = dice.getAsDouble();
        double edge = 0;
        for (Fault fault : Fault.values()) {
            if (fault.endsCall()) {
                edge += faults.rate(fault, api);
                if (roll < edge) {
                    return fault;
                }
            }
        }
        return null;
    }
}
