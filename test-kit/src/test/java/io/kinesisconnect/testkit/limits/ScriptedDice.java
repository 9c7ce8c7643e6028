package io.kinesisconnect.testkit.limits;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.DoubleSupplier;

/** Rolls that come from a script, so a test says which faults hit; runs out loudly. */
final class ScriptedDice implements DoubleSupplier {

    private final Deque<Double> rolls = new ArrayDeque<>();

    ScriptedDice then(double... next) {
        for (double roll : next) {
            rolls.add(roll);
        }
        return this;
    }

    int left() {
        return rolls.size();
    }

    @Override
    public double getAsDouble() {
        if (rolls.isEmpty()) {
            throw new AssertionError("the fault injector rolled more often than the test scripted");
        }
        return rolls.poll();
    }
}
