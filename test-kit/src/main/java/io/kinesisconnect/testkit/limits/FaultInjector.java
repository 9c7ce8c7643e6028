package io.kinesisconnect.testkit.limits;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleSupplier;

/**
 * Draws the faults of each call from {@link KinesisFaults}, with rolls from a {@link
 * DoubleSupplier} of uniform values in [0, 1) that tests replace with a script, and the time since
 * the proxy started from a {@link Ticker}. Pure: it neither sleeps nor answers; the proxy acts on
 * its {@link Plan}.
 *
 * <p>Per call it rolls once for latency (when its rate is above 0) and once for the call-ending
 * faults (when any of their rates is above 0), laid end to end in {@link Fault} order so that each
 * hits with exactly its rate. PutRecords entries roll once each. The rolls happen whatever the
 * schedules do, so a seeded sequence of rate faults stays the same with schedules added.
 *
 * <p>Then the {@link FaultSchedule}s: each counts the calls (entries) it applies to, so that an
 * {@link FaultSchedule.EveryNth} hits exactly every n-th; a {@link FaultSchedule.Window} hits while
 * open (rolling only when its rate is below 1). A call-ending schedule that hits replaces what the
 * rates drew; the first in order wins.
 */
final class FaultInjector {

    /**
     * What happens to one call: {@code latencyMillis} of delay, then {@code ending} or nothing;
     * {@code scheduled} holds the schedules that decided either.
     */
    record Plan(long latencyMillis, Fault ending, List<FaultSchedule> scheduled) {

        static final Plan NONE = new Plan(0, null, List.of());

        Plan(long latencyMillis, Fault ending) {
            this(latencyMillis, ending, List.of());
        }
    }

    private final KinesisFaults faults;
    private final DoubleSupplier dice;
    private final Ticker ticker;
    private final long started;
    private final List<AtomicLong> seen = new ArrayList<>();

    /** Per schedule, nanoseconds after the start of the first call it applied to, or -1. */
    private final List<AtomicLong> firstCall = new ArrayList<>();

    FaultInjector(KinesisFaults faults, DoubleSupplier dice) {
        this(faults, dice, Ticker.SYSTEM);
    }

    /** An injector whose schedules count time from now on {@code ticker}. */
    FaultInjector(KinesisFaults faults, DoubleSupplier dice, Ticker ticker) {
        this.faults = faults;
        this.dice = dice;
        this.ticker = ticker;
        this.started = ticker.nanoTime();
        faults.schedules()
                .forEach(
                        s -> {
                            seen.add(new AtomicLong());
                            firstCall.add(new AtomicLong(-1));
                        });
    }

    /** An injector with the seeded sequence of {@code faults}, or an unseeded one. */
    static FaultInjector of(KinesisFaults faults, Ticker ticker) {
        if (faults.seed() == null) {
            return new FaultInjector(
                    faults, () -> ThreadLocalRandom.current().nextDouble(), ticker);
        }
        Random random = new Random(faults.seed());
        return new FaultInjector(faults, random::nextDouble, ticker);
    }

    KinesisFaults faults() {
        return faults;
    }

    /** The faults of one call of the operation {@code api}. */
    Plan plan(String api) {
        if (faults.isNone()) {
            return Plan.NONE;
        }
        boolean latency = false;
        double latencyRate = faults.rate(Fault.LATENCY, api);
        if (latencyRate > 0 && dice.getAsDouble() < latencyRate) {
            latency = true;
        }
        Fault ending = ending(api);
        List<FaultSchedule> decided = new ArrayList<>();
        FaultSchedule scheduledEnding = null;
        for (FaultSchedule schedule : hits(api, false)) {
            if (schedule.fault() == Fault.LATENCY) {
                latency = true;
                decided.add(schedule);
            } else if (scheduledEnding == null) {
                scheduledEnding = schedule;
                decided.add(schedule);
            }
        }
        if (scheduledEnding != null) {
            ending = scheduledEnding.fault();
        }
        return new Plan(latency ? faults.latencyMillis() : 0, ending, List.copyOf(decided));
    }

    /** Whether one PutRecords entry fails with InternalFailure. */
    boolean failEntry() {
        return entry().ending() != null;
    }

    /**
     * The fault of one PutRecords entry: {@link Fault#PUT_RECORDS_ENTRY_FAILURE} or none, with the
     * schedule that failed it, if one did.
     */
    Plan entry() {
        double rate = faults.rate(Fault.PUT_RECORDS_ENTRY_FAILURE, WriteGate.PUT_RECORDS);
        boolean rolled = rate > 0 && dice.getAsDouble() < rate;
        List<FaultSchedule> scheduled = hits(WriteGate.PUT_RECORDS, true);
        if (!scheduled.isEmpty()) {
            return new Plan(0, Fault.PUT_RECORDS_ENTRY_FAILURE, List.of(scheduled.get(0)));
        }
        return rolled ? new Plan(0, Fault.PUT_RECORDS_ENTRY_FAILURE) : Plan.NONE;
    }

    /**
     * The schedules that hit this call (or entry, with {@code entries}) of {@code api}, in order;
     * every schedule that applies counts the call.
     */
    private List<FaultSchedule> hits(String api, boolean entries) {
        List<FaultSchedule> schedules = faults.schedules();
        if (schedules.isEmpty()) {
            return List.of();
        }
        long elapsed = ticker.nanoTime() - started;
        List<FaultSchedule> hits = new ArrayList<>();
        for (int i = 0; i < schedules.size(); i++) {
            FaultSchedule schedule = schedules.get(i);
            boolean entryFault = schedule.fault() == Fault.PUT_RECORDS_ENTRY_FAILURE;
            if (entryFault != entries || !schedule.appliesTo(api)) {
                continue;
            }
            long call = seen.get(i).incrementAndGet();
            firstCall.get(i).compareAndSet(-1, elapsed);
            if (hits(schedule, call, elapsed, firstCall.get(i).get())) {
                hits.add(schedule);
            }
        }
        return hits;
    }

    private boolean hits(FaultSchedule schedule, long call, long elapsed, long firstCallAt) {
        if (schedule instanceof FaultSchedule.EveryNth every) {
            return call % every.n() == 0;
        }
        FaultSchedule.Window window = (FaultSchedule.Window) schedule;
        long origin = window.fromFirstCall() ? firstCallAt : 0;
        return window.isOpen(Duration.ofNanos(elapsed - origin))
                && (window.rate() >= 1 || dice.getAsDouble() < window.rate());
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
