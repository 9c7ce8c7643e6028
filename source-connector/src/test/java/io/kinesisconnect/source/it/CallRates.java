package io.kinesisconnect.source.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each shard was called, and the most calls any one window of time saw. A maximum over a
 * sliding window is what Kinesis enforces (five GetRecords per shard per second); an average over a
 * run hides a burst between idle stretches.
 */
final class CallRates {

    private final Map<String, List<Long>> callNanosByShard = new ConcurrentHashMap<>();

    void record(String shard, long nanos) {
        List<Long> calls = callNanosByShard.computeIfAbsent(shard, k -> new ArrayList<>());
        synchronized (calls) {
            calls.add(nanos);
        }
    }

    void clear() {
        callNanosByShard.clear();
    }

    /** For each shard, the most calls inside any window of length {@code window}. */
    Map<String, Integer> maxPerWindow(Duration window) {
        Map<String, Integer> max = new TreeMap<>();
        callNanosByShard.forEach(
                (shard, calls) -> {
                    synchronized (calls) {
                        max.put(shard, maxInWindow(calls, window));
                    }
                });
        return max;
    }

    /**
     * The most of {@code callNanos} inside any half-open window [t, t + window): calls exactly one
     * window apart fall in different windows, so evenly spaced calls at the limit count as the
     * limit.
     */
    static int maxInWindow(List<Long> callNanos, Duration window) {
        List<Long> sorted = callNanos.stream().sorted().toList();
        long width = window.toNanos();
        int max = 0;
        int first = 0;
        for (int last = 0; last < sorted.size(); last++) {
            while (sorted.get(last) - sorted.get(first) >= width) {
                first++;
            }
            max = Math.max(max, last - first + 1);
        }
        return max;
    }
}
