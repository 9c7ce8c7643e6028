package io.kinesisconnect.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time of another process, such as an emulator or the KPL's child, from {@code
 * /proc/<pid>/stat}.
 */
public final class ProcessCpu {

    /** /proc/<pid>/stat counts clock ticks; 100 per second on Linux x86_64. */
    public static final long MS_PER_TICK = 10;

    private ProcessCpu() {}

    /** utime + stime (fields 14 and 15) of {@code pid}, in clock ticks. */
    public static long ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the CPU of process " + pid, e);
        }
    }

    /** Milliseconds of CPU {@code pid} used since it had used {@code ticks}. */
    public static double millisSince(long pid, long ticks) {
        return (ticks(pid) - ticks) * MS_PER_TICK;
    }
}
