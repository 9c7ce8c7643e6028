package io.kinesisconnect.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.ToLongFunction;

/**
 * What the limits benchmarks measure a window with: a fixed span of wall time (the window itself,
 * not a wait for a condition), per-shard counters read at its start and its end, and the machine's
 * load for the report.
 */
public final class BenchmarkWindows {

    private BenchmarkWindows() {}

    /** Lets {@code span} of wall time pass: the measured window. */
    public static void pass(Duration span) {
        long end = System.nanoTime() + span.toNanos();
        for (long left; (left = end - System.nanoTime()) > 0; ) {
            LockSupport.parkNanos(left);
        }
    }

    /** One counter per shard scope, in the order of {@code scopes}. */
    public static long[] perShard(List<String> scopes, ToLongFunction<String> counter) {
        return scopes.stream().mapToLong(counter).toArray();
    }

    /** What each counter grew by between two readings. */
    public static long[] minus(long[] after, long[] before) {
        long[] grown = new long[after.length];
        for (int i = 0; i < grown.length; i++) {
            grown[i] = after[i] - before[i];
        }
        return grown;
    }

    /** /proc/loadavg as it reads, for the report. */
    public static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).trim();
    }
}
