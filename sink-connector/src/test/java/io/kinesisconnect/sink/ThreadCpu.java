package io.kinesisconnect.sink;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * CPU time of selected threads of this JVM, plus a child process (the KPL's). The broker, the
 * worker, the limits proxy and the benchmark share one process, so the process' CPU time would
 * charge the writer for their work; per-thread CPU charges it only for its own threads.
 *
 * <p>Threads are matched by name when the figure is taken; the CPU a thread had used before the
 * start is subtracted, and threads born since count fully.
 */
final class ThreadCpu {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** /proc/<pid>/stat counts clock ticks; 100 per second on Linux x86_64. */
    private static final double MS_PER_TICK = 10;

    private final Map<Long, Long> before;
    private final long childPid;
    private final long childTicks;

    private ThreadCpu(Map<Long, Long> before, long childPid, long childTicks) {
        this.before = before;
        this.childPid = childPid;
        this.childTicks = childTicks;
    }

    /** Remembers every live thread's CPU time now, and that of {@code childPid} (-1: none). */
    static ThreadCpu start(long childPid) {
        Map<Long, Long> now = new HashMap<>();
        for (long id : THREADS.getAllThreadIds()) {
            long cpu = THREADS.getThreadCpuTime(id);
            if (cpu >= 0) {
                now.put(id, cpu);
            }
        }
        return new ThreadCpu(now, childPid, childPid < 0 ? 0 : procTicks(childPid));
    }

    /**
     * Milliseconds of CPU used since {@link #start} by the live threads whose name matches, and by
     * the child process.
     */
    double msOf(Predicate<String> threadName) {
        long nanos = 0;
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info == null || !threadName.test(info.getThreadName())) {
                continue;
            }
            long cpu = THREADS.getThreadCpuTime(info.getThreadId());
            if (cpu >= 0) {
                nanos += cpu - before.getOrDefault(info.getThreadId(), 0L);
            }
        }
        double child = childPid < 0 ? 0 : (procTicks(childPid) - childTicks) * MS_PER_TICK;
        return nanos / 1e6 + child;
    }

    /** utime + stime (fields 14 and 15) of /proc/<pid>/stat, in clock ticks. */
    private static long procTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the CPU of process " + pid, e);
        }
    }
}
