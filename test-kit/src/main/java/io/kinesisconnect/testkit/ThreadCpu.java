package io.kinesisconnect.testkit;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * CPU time of selected threads of this JVM, for the benchmarks of both connectors. The broker, the
 * worker and the benchmark share one process, so the process' CPU time would charge the connector
 * for the broker's work; per-thread CPU time charges each side only for the threads that do its
 * work. Child processes (the KPL's, an emulator) are measured with {@link ProcessCpu}.
 *
 * <p>Threads are matched by name when the figure is taken, and the CPU a thread had used before the
 * run started is subtracted: Connect runs tasks on pooled threads that it renames per task.
 */
public final class ThreadCpu {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Map<Long, Long> before;

    private ThreadCpu(Map<Long, Long> before) {
        this.before = before;
    }

    /** Remembers every live thread's CPU time now. */
    public static ThreadCpu start() {
        Map<Long, Long> now = new HashMap<>();
        for (long id : THREADS.getAllThreadIds()) {
            long cpu = THREADS.getThreadCpuTime(id);
            if (cpu >= 0) {
                now.put(id, cpu);
            }
        }
        return new ThreadCpu(now);
    }

    /** CPU nanoseconds used since {@link #start()} by the live threads whose name matches. */
    public long nanosOf(Predicate<String> threadName) {
        return byGroup(threadName).values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * The same CPU split by thread group: a thread's name with its numbers left out, so the four
     * reader threads of a task, or the SDK's event loops, make one group each.
     */
    public Map<String, Long> byGroup(Predicate<String> threadName) {
        Map<String, Long> groups = new TreeMap<>();
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info == null || !threadName.test(info.getThreadName())) {
                continue;
            }
            long cpu = THREADS.getThreadCpuTime(info.getThreadId());
            if (cpu >= 0) {
                groups.merge(
                        info.getThreadName().replaceAll("[0-9]+", "N"),
                        cpu - before.getOrDefault(info.getThreadId(), 0L),
                        Long::sum);
            }
        }
        return groups;
    }
}
